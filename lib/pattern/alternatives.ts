// One-click alternatives for what the studio understood: other motifs a shopper's words could
// mean or that belong with the one drawn, and neighbouring shades of a colour. Everything comes
// from the motif library's CLDR keywords and the colour vocabulary, so an alternative is always
// something the engine can draw and the parser can read back.
import { colourByName, deltaE2000, hexToLab } from './colours';
import { motifById, motifLibrary, type Motif } from './motif-library';
import type { Hex, NamedColour } from './types';

// Keywords shared by more motifs than this say little about kinship ("face", "symbol").
const COMMON_KEYWORD = 60;

interface Kinship {
  keywords: Map<string, Set<string>>; // motif id → its Latin-script keywords
  weight: Map<string, number>; // keyword → how much sharing it counts
}

let kin: Kinship | undefined;

function kinship(): Kinship {
  if (kin) return kin;
  const keywords = new Map<string, Set<string>>();
  const weight = new Map<string, number>();
  for (const [key, list] of motifLibrary().index) {
    if (!/^[\p{Script=Latin}][\p{Script=Latin} -]*$/u.test(key) || list.length > COMMON_KEYWORD) continue;
    weight.set(key, 1 / Math.log(1 + list.length)); // rare keywords bind closer
    for (const e of list) {
      const set = keywords.get(e.motif.id) ?? new Set<string>();
      set.add(key);
      keywords.set(e.motif.id, set);
    }
  }
  kin = { keywords, weight };
  return kin;
}

/** Plural and inflected forms a word may stand for ("lemons" → "lemon", "cherries" → "cherry"). */
function wordForms(phrase: string): string[] {
  const w = phrase.toLowerCase().normalize('NFKC').trim();
  const out = [w];
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 2) out.push(w.slice(0, -1));
  return out;
}

export interface MotifAlternative {
  id: string;
  name: string;
  emoji: string;
}

/**
 * Up to `limit` motifs to offer instead of `id`: first those the shopper's own `words` also
 * name ("kittens" → the other cats), then its closest relatives by shared CLDR keywords
 * (lemon → lime, tangerine). `avoid`: ids already in the design. Empty for an unknown id.
 */
export function motifAlternatives(id: string, words = '', limit = 6, avoid: string[] = []): MotifAlternative[] {
  const self = motifById(id);
  if (!self) return [];
  const { keywords, weight } = kinship();
  const index = motifLibrary().index;
  const score = new Map<string, number>();
  const add = (m: Motif, s: number) => {
    if (m.id !== id && !avoid.includes(m.id)) score.set(m.id, (score.get(m.id) ?? 0) + s);
  };
  for (const key of keywords.get(id) ?? []) for (const e of index.get(key) ?? []) add(e.motif, weight.get(key) ?? 0);
  // The shopper's words weigh more than any kinship: they may have meant one of these.
  const said = new Set<string>();
  for (const part of [words, ...words.split(/\s+/)]) for (const f of wordForms(part)) if (f.length > 2) said.add(f);
  for (const f of said) for (const e of index.get(f) ?? []) add(e.motif, 4 + e.strength);
  return [...score]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([mid]) => {
      const m = motifById(mid)!;
      return { id: m.id, name: m.name, emoji: m.emoji };
    });
}

// Everyday colour names shoppers know, for the picker and as landing points for shades. Their
// values come from the parser's vocabulary (colourByName), so a swatch is the colour its name
// prints as.
const FAMILIAR = [
  'red', 'cherry red', 'crimson', 'scarlet', 'burgundy', 'wine', 'maroon', 'rust', 'terracotta', 'brick red', 'coral', 'salmon', 'peach', 'apricot',
  'orange', 'burnt orange', 'tangerine', 'amber', 'mustard', 'ochre', 'gold', 'honey', 'yellow', 'lemon yellow', 'butter yellow', 'pastel yellow',
  'cream', 'ivory', 'off white', 'white', 'beige', 'sand', 'khaki', 'camel', 'caramel', 'tan', 'brown', 'chocolate brown', 'coffee', 'mocha',
  'sage', 'mint', 'seafoam', 'pistachio', 'lime green', 'kelly green', 'green', 'emerald', 'jade', 'forest green', 'hunter green', 'olive', 'olive green', 'moss', 'army green',
  'teal', 'petrol', 'turquoise', 'aqua', 'ice blue', 'powder blue', 'baby blue', 'sky blue', 'light blue', 'cornflower blue', 'dusty blue', 'denim', 'royal blue', 'cobalt', 'blue', 'sapphire', 'navy', 'midnight blue',
  'periwinkle', 'lavender', 'lilac', 'violet', 'purple', 'plum', 'grape', 'indigo', 'mauve', 'dusty purple',
  'pale pink', 'pastel pink', 'baby pink', 'light pink', 'blush', 'pink', 'dusty pink', 'dusty rose', 'rose', 'hot pink', 'raspberry', 'fuchsia', 'magenta',
  'silver', 'light grey', 'grey', 'ash grey', 'taupe', 'dark grey', 'charcoal', 'graphite', 'black',
];

// The picker's short list: one or two per hue family, light to dark.
const PICKER = ['red', 'coral', 'orange', 'mustard', 'yellow', 'cream', 'white', 'sage', 'green', 'forest green', 'teal', 'sky blue', 'blue', 'navy', 'lavender', 'purple', 'blush', 'pink', 'brown', 'charcoal', 'black'];

export interface ColourChoice {
  name: string;
  hex: Hex;
}

let familiar: (ColourChoice & { lab: [number, number, number] })[] | undefined;

function familiarColours() {
  if (familiar) return familiar;
  familiar = [];
  for (const name of FAMILIAR) {
    const c = colourByName(name);
    if (c && !familiar.some((f) => f.name === c.name)) familiar.push({ name: c.name, hex: c.hex, lab: hexToLab(c.hex) });
  }
  return familiar;
}

/** The picker's named colours, each as the parser reads its name. */
export function colourPicker(): ColourChoice[] {
  return PICKER.map((n) => colourByName(n)).filter((c): c is NamedColour => !!c).map((c) => ({ name: c.name, hex: c.hex }));
}

/** The nearest everyday colour name to a value (palette colours come as values only). */
export function nearestColourName(hex: string): ColourChoice {
  let best = familiarColours()[0];
  let bestD = Infinity;
  for (const f of familiarColours()) {
    const d = deltaE2000(hex, f.hex);
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  return { name: best.name, hex: best.hex };
}

export type ShadeKind = 'lighter' | 'darker' | 'muted';

const MODIFIER: Record<ShadeKind, string> = { lighter: 'light', darker: 'dark', muted: 'muted' };

/** Hue angle between two CIELAB colours, in degrees. */
function hueGap(a: [number, number, number], b: [number, number, number]): number {
  const d = Math.abs(Math.atan2(a[2], a[1]) - Math.atan2(b[2], b[1])) * (180 / Math.PI);
  return d > 180 ? 360 - d : d;
}
// Modifier words a name may already start with: "dark blue" gets lighter as "light blue", not "light dark blue".
const LEADING = /^(?:very |really )?(?:light|pale|soft|pastel|dark|deep|rich|muted|dusty|bright|neon)\s+/;

/**
 * Neighbouring shades of a named colour: lighter, darker and muted. The shade is the parser's own
 * modifier (OKLCh, hue kept: "light navy" stays blue); the choice is the everyday colour name
 * nearest it in the same hue, else the modified name itself ("light sage"), so it prints as its
 * name says. Directions a colour has no room for (lighter than white, a muted grey) are left out.
 */
export function colourAlternatives(colour: { name: string; hex: string }): (ColourChoice & { kind: ShadeKind })[] {
  const base = colour.name.replace(LEADING, '') || colour.name;
  const lab = hexToLab(colour.hex);
  const chroma = Math.hypot(lab[1], lab[2]);
  const out: (ColourChoice & { kind: ShadeKind })[] = [];
  for (const kind of ['lighter', 'darker', 'muted'] as const) {
    if (kind === 'muted' && chroma < 12) continue;
    const mod = MODIFIER[kind];
    const modified = base === colour.name ? colourByName(`${mod} ${base}`) : null; // "light light blue" is no name
    const target = modified ?? colourByName(`${mod} ${colour.name}`);
    if (!target) continue;
    const tLab = hexToLab(target.hex);
    const tChroma = Math.hypot(tLab[1], tLab[2]);
    const candidates = [...familiarColours(), ...(modified ? [{ name: modified.name, hex: modified.hex, lab: tLab }] : [])];
    let pick: ColourChoice | undefined;
    let bestD = 12;
    for (const c of candidates) {
      const dL = c.lab[0] - lab[0];
      const cChroma = Math.hypot(c.lab[1], c.lab[2]);
      if ((kind === 'lighter' && dL < 5) || (kind === 'darker' && dL > -5)) continue;
      if (kind === 'muted' && cChroma > chroma * 0.75) continue;
      // Same hue family as the shade: a grey's shades are greys, a colour's are not.
      if (tChroma >= 10 ? cChroma < 5 || hueGap(tLab, c.lab) > 25 : cChroma > 12) continue;
      if (c.name === colour.name || deltaE2000(c.hex, colour.hex) < 4 || out.some((o) => o.hex === c.hex)) continue;
      const d = c.hex === target.hex ? 0 : deltaE2000(c.hex, target.hex) + 3; // an everyday name only when clearly as close
      if (d < bestD) {
        bestD = d;
        pick = { name: c.name, hex: c.hex };
      }
    }
    if (pick) out.push({ ...pick, kind });
  }
  return out;
}
