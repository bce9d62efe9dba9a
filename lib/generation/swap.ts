// One-click swaps in the studio: "lemons → limes", "navy → teal". A swap edits what the pattern
// engine understood before the specs are made, and the prompt text says the same thing, so the
// candidates are ordinary recipes (the spec stores resolved ids and colours) that re-render
// byte-identically. Also what the studio offers to swap: alternatives per motif and colour.
import { z } from 'zod';
import { unprocessable } from '../http/errors';
import { colourAlternatives, colourByName, colourPicker, letteringPath, motifAlternatives, motifById, motifMainColour, nearestColourName, type ColourChoice, type Motif, type MotifAlternative, type NamedColour, type PatternIntent, type ShadeKind } from '../pattern';
import { checkPrompt } from './input';
import { PROMPT_MAX } from './recipe';

export const COLOUR_ROLES = ['motif', 'background', 'palette', 'text'] as const;
export type ColourRole = (typeof COLOUR_ROLES)[number];

// Ids and names are checked against the library in applySwap, for a 422 that names them.
const name = z.string().trim().min(1).max(64);
export const swapSchema = z
  .object({
    motifs: z.array(z.object({ from: name, to: name }).strict()).max(8).optional(),
    /** motif: `index` is the motif's place in what was understood; palette: the colour's place. */
    colours: z.array(z.object({ role: z.enum(COLOUR_ROLES), index: z.number().int().min(0).max(15).optional(), to: name }).strict()).max(16).optional(),
  })
  .strict();
export type Swap = z.infer<typeof swapSchema>;

export interface SwapResult {
  intent: PatternIntent;
  /** The prompt as the swapped design reads: "limes on teal". */
  prompt: string;
  /** What was swapped, for the studio to show: [{ from: "lemons", to: "limes" }]. */
  swaps: { from: string; to: string }[];
}

const bad = (m: string) => unprocessable(m, 'invalid_swap');

function plural(name: string): string {
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

/** The new motif's name in the form the shopper wrote the old one: "lemons" → "limes". */
function sameForm(words: string, from: Motif, to: Motif): string {
  const w = words.toLowerCase();
  const base = to.name.toLowerCase();
  return w !== from.name.toLowerCase() && /s$/.test(w) && !/s$/.test(base) && /^[a-z ]+$/.test(base) ? plural(base) : base;
}

const LETTER = /[\p{L}\p{N}]/u;

/** `text` with the first whole-word `find` replaced; null when the prompt does not contain it. */
function replaceWords(text: string, find: string, by: string): string | null {
  const lower = text.toLowerCase();
  const f = find.toLowerCase();
  for (let at = lower.indexOf(f); at >= 0; at = lower.indexOf(f, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + f.length] ?? ' ';
    // Scripts written without spaces match anywhere; others on word edges only.
    const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(f);
    if (cjk || (!LETTER.test(before) && !LETTER.test(after))) return text.slice(0, at) + by + text.slice(at + f.length);
  }
  return null;
}

function resolveColour(to: string): NamedColour {
  const c = colourByName(to);
  if (!c || c.source === 'palette-word') throw bad(`"${to}" is not a colour we know: pick one of the swatches, or name a colour such as sage, navy or coral.`);
  return c;
}

/**
 * The intent with the swaps applied, and the prompt rewritten to match. Unknown motif ids,
 * motifs not in the design, unknown colour names and colours the design does not have → 422.
 * The intent keeps the shopper's prompt as its seed text, so a swap changes only what it names.
 */
export function applySwap(intent: PatternIntent, swap: Swap): SwapResult {
  const out: PatternIntent = { ...intent, motifs: intent.motifs.map((m) => ({ ...m })), palette: [...intent.palette], text: intent.text && { ...intent.text } };
  let prompt = intent.prompt;
  const swaps: SwapResult['swaps'] = [];
  const say = (fromWords: string, toWords: string, note: string) => {
    const replaced = replaceWords(prompt, fromWords, toWords);
    prompt = replaced ?? `${prompt}${note}`;
    swaps.push({ from: fromWords, to: toWords });
  };
  for (const { from, to } of swap.motifs ?? []) {
    const at = out.motifs.findIndex((m) => m.motif.id === from);
    if (at < 0) throw bad(`"${from}" is not a motif of this design, so it cannot be swapped.`);
    const motif = /^[a-z0-9-]{1,64}$/.test(to) ? motifById(to) : undefined;
    if (!motif) throw bad(`There is no motif "${to}" to swap in.`);
    if (out.motifs.some((m, i) => i !== at && m.motif.id === to)) throw bad(`The design already has ${motif.name}.`);
    const m = out.motifs[at];
    const words = sameForm(m.words, m.motif, motif);
    say(m.words, words, `, ${words} instead of ${m.words}`);
    out.motifs[at] = { ...m, motif, words, corrected: undefined };
  }
  for (const s of swap.colours ?? []) {
    const colour = resolveColour(s.to);
    if (s.role === 'motif') {
      const m = out.motifs[s.index ?? 0];
      if (!m) throw bad(`This design has no motif number ${(s.index ?? 0) + 1} to recolour.`);
      if (m.colour) say(m.colour.name, colour.name, `, ${m.words} in ${colour.name}`);
      else say(m.words, `${colour.name} ${m.words}`, `, ${m.words} in ${colour.name}`);
      m.colour = colour;
    } else if (s.role === 'background') {
      if (out.background) say(out.background.name, colour.name, `, on ${colour.name}`);
      else {
        prompt = `${prompt} on ${colour.name}`;
        swaps.push({ from: 'background', to: colour.name });
      }
      out.background = colour;
    } else if (s.role === 'palette') {
      const i = s.index ?? 0;
      if (i >= out.palette.length) throw bad(`This design has no palette colour number ${i + 1} to swap.`);
      const was = nearestColourName(out.palette[i]).name;
      prompt = `${prompt}, ${colour.name} instead of ${was}`;
      swaps.push({ from: was, to: colour.name });
      out.palette[i] = colour.hex;
    } else {
      if (!out.text) throw bad('This design has no lettering to recolour.');
      if (out.text.colour) say(out.text.colour.name, colour.name, `, lettering in ${colour.name}`);
      else {
        prompt = `${prompt}, lettering in ${colour.name}`;
        swaps.push({ from: 'lettering', to: colour.name });
      }
      out.text.colour = colour;
    }
  }
  if (prompt.length > PROMPT_MAX) throw bad(`With these swaps the prompt would be longer than ${PROMPT_MAX} characters: shorten it and try again.`);
  return { intent: out, prompt: checkPrompt(prompt), swaps };
}

export interface ColourSlot {
  role: ColourRole;
  index?: number;
  /** What the slot is, for people: "Lemon colour", "Background", "Palette colour 2". */
  label: string;
  /** The colour now; null when the engine chooses one per design (no background named). */
  current: (ColourChoice & { named: boolean }) | null;
  alternatives: (ColourChoice & { kind: ShadeKind })[];
}

export interface StudioChoices {
  motifs: { index: number; id: string; name: string; alternatives: MotifAlternative[] }[];
  colours: ColourSlot[];
  /** Named colours any slot can take. */
  picker: ColourChoice[];
  /** The lettering as drawn, for the studio to show: an SVG document. */
  font: { id: string; family: string; style: string; sample: string } | null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the studio offers to swap for a (possibly already swapped) intent. */
export async function studioChoices(intent: PatternIntent): Promise<StudioChoices> {
  const inDesign = intent.motifs.map((m) => m.motif.id);
  const motifs = intent.motifs.map((m, index) => ({ index, id: m.motif.id, name: m.motif.name, alternatives: motifAlternatives(m.motif.id, m.words, 6, inDesign) }));
  const colours: ColourSlot[] = [];
  for (const [index, m] of intent.motifs.entries()) {
    // A motif without an asked-for colour shows its own main colour and can take any.
    const current = m.colour ? { name: m.colour.name, hex: m.colour.hex, named: true } : { ...nearestColourName(await motifMainColour(m.motif.id)), hex: await motifMainColour(m.motif.id), named: false };
    colours.push({ role: 'motif', index, label: `${capital(m.motif.name)} colour`, current, alternatives: colourAlternatives(current) });
  }
  const bg = intent.background;
  colours.push({ role: 'background', label: 'Background', current: bg ? { name: bg.name, hex: bg.hex, named: true } : null, alternatives: bg ? colourAlternatives(bg) : [] });
  for (const [index, hex] of intent.palette.entries()) {
    const near = nearestColourName(hex);
    colours.push({ role: 'palette', index, label: `Palette colour ${index + 1}`, current: { name: near.name, hex, named: false }, alternatives: colourAlternatives({ name: near.name, hex }) });
  }
  if (intent.text) {
    const c = intent.text.colour;
    colours.push({ role: 'text', label: 'Lettering colour', current: c ? { name: c.name, hex: c.hex, named: true } : null, alternatives: c ? colourAlternatives(c) : [] });
  }
  return { motifs, colours, picker: colourPicker(), font: intent.text ? fontSample(intent.text.content, intent.text.font.id, intent.text.font.family, intent.text.font.style) : null };
}

// Drawn in ink on the panel's white whatever the print colour, so a cream name stays readable.
function fontSample(content: string, id: string, family: string, style: string): StudioChoices['font'] {
  try {
    const l = letteringPath(content, id, { size: 64 });
    const pad = 4;
    const sample = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${Math.ceil(l.width + 2 * pad)} ${Math.ceil(l.height + 2 * pad)}"><path fill="#1c1917" d="${l.d}"/></svg>`;
    return { id, family, style, sample };
  } catch {
    return { id, family, style, sample: '' }; // characters no bundled font draws: the name still says which font
  }
}
