// Phrases that set how a pattern looks rather than what it shows: how full ("simple and clean",
// "lots of empty space", "no background showing"), where motifs go ("around the edges",
// "diagonal"), how big ("one giant sunflower"), "only" / "nothing else", and shorthand
// ("skulls n roses on blk"). They are read before the words are matched to motifs, so their
// words are never drawn ("diagonal" is not the face with a diagonal mouth, "showing" not a globe).
import { findColours } from './colours';

export interface Looks {
  density?: 'sparse' | 'dense';
  /** Diagonal stripes ("diagonal stripes", "stripes on the bias"). */
  diagonal?: boolean;
  /** Motifs along the edges of the tile, the centre left plain ("border", "frame", "around the edges"). */
  frame?: boolean;
  /** One or two motifs as large as the tile allows ("two giant sunflowers", "one huge moon"). */
  giant?: boolean;
  /** "only blue and white": the only colours the design may use, as written. */
  onlyColours?: string[];
  /** Only the motifs named: no filler, no motifs added for a theme ("just bees, nothing else"). */
  solo?: boolean;
}

// Shopper shorthand, as whole words: "n" and "&" join, "w/" is with, "blk" black.
const SHORTHAND: [RegExp, string][] = [
  [/(^|\s)w\/\s*/giu, '$1with '],
  [/\b(?:w)\b(?=\s+\p{L})/giu, 'with'],
  [/\b(?:n)\b(?=\s+\p{L})/giu, 'and'],
  [/\bblk\b/giu, 'black'],
  [/\bwht\b/giu, 'white'],
  [/\bbg\b|\bbackround\b|\bbakground\b|\bbackgound\b/giu, 'background'],
  [/\bhalf[\s-]+drops?\b/giu, 'half-drop'],
  [/\bmirror(?:ed)?\s+(?:image|images|imaged)\b/giu, 'mirror'],
  // Who it is for and how it repeats are not subjects: "camo for a boy" draws no boy.
  [/\bfor\s+(?:a\s+|an\s+|my\s+|our\s+|the\s+)?(?:little\s+|baby\s+|teenage\s+)?(?:boy|girl|kid|child|toddler|baby|son|daughter|nephew|niece|grandson|granddaughter|teen|teenager|man|woman|men|women|him|her|them)s?\b/giu, ' '],
  [/\b(?:per|each|every)\s+(?:tile|repeat|square)\b|\bfacing\s+each\s+other\b/giu, ' '],
];

// Woods a grain is asked in, as the colour words the wood-grain texture takes.
const WOODS: [RegExp, string][] = [
  [/\b(?:light|pale|white|natural|blonde?)\s+(?:oak|ash|birch|maple|pine)\b(?=\s+(?:wood|grain|planks?|floor))/giu, 'light tan'],
  [/\b(?:oak|ash|birch|maple|pine|bamboo)\b(?=\s+(?:wood|grain|planks?|floor))/giu, 'tan'],
  [/\b(?:dark\s+)?(?:walnut|mahogany|ebony|espresso)\b(?=\s+(?:wood|grain|planks?|floor))/giu, 'dark brown'],
  [/\bcherry\b(?=\s+(?:wood|grain|planks?|floor))/giu, 'brown'],
  // A shade alone before the wood is the wood's shade ("light wood grain"), never a light bulb.
  [/\b(?:light|pale|blonde?)\b(?=\s+(?:wood|woodgrain|grain|planks?)\b)/giu, 'light tan'],
  [/\b(?:dark|deep)\b(?=\s+(?:wood|woodgrain|grain|planks?)\b)/giu, 'dark brown'],
  // A snow leopard's coat: grey rosettes on pale grey.
  [/\bsnow\s+leopards?(?:\s+(?:print|spots|pattern|skin|fur))?\b/giu, 'pale grey and charcoal leopard print'],
];

const SPARSE = [
  /\b(?:lots|plenty|loads|heaps|a\s+lot)\s+of\s+(?:(?:empty|negative|white|open|blank|breathing|free)\s+)?(?:space|room)\b/giu,
  /\b(?:empty|negative|open|blank|breathing)\s+space\b/giu,
  /\bspace\s+(?:between|around)\s+(?:them|each|the\s+\p{L}+)\b/giu,
  /\bnot\s+(?:too\s+|very\s+|so\s+|overly\s+)?(?:busy|crowded|dense|cluttered|full|packed)\b/giu,
  /\b(?:spaced|spread)\s+out\b/giu,
  /\b(?:very\s+)?(?:simple|clean|minimal|minimalist|minimalistic|uncluttered|airy|spacious|understated|subtle)\b/giu,
];
const DENSE = [
  /\bno\s+(?:background|ground|gaps?|space)\s+(?:showing|visible|left)\b/giu,
  /\b(?:wall|edge)[\s-]to[\s-](?:wall|edge)\b/giu,
  /\b(?:tightly|densely)\s+packed\b|\bpacked\s+(?:tight|together)\b|\bcovered\s+in\b/giu,
];
const DIAGONAL = /\b(?:diagonal(?:ly)?|slanted|slanting|angled|on\s+the\s+bias|bias)\b|\bdiagonales?\b|\bdiagonali\b|\bdiagonaal\b|\bschräg(?:e|en)?\b/giu;
const FRAME = [
  /\b(?:around|along|round|on|at|lining)\s+(?:all\s+)?(?:the\s+|its\s+)?(?:edges?|sides?|borders?|outside|perimeter)\b/giu,
  /\b(?:a\s+)?frame\s+of\b|\bframed\s+(?:by|with|in)\b|\bframe\b/giu,
  /\b(?:plain|empty|blank|clear)\s+(?:middle|centre|center)\b/giu,
];
// "plain sand middle": a frame's centre in a colour is the ground.
const FRAME_CENTRE = /\b(?:plain|empty|blank|clear|solid)\s+((?:[\p{L}-]+\s+){1,2}?)(?:middle|centre|center)\b/giu;
const GIANT = /\b(?:(?:one|two|a|single)\s+)(?:giant|huge|enormous|massive|oversized|jumbo)\b/giu;
// "only blue and white", "just navy and cream": the whole design's colours.
const ONLY_COLOURS = /\b(?:only|just|solely)\s+(?:in\s+)?([^,.;!?]+)/giu;
const SOLO = /\b(?:and\s+)?nothing\s+else\b|\bonly\b|\balone\b|\bon\s+(?:its|their)\s+own\b/giu;
// "in the middle": where a single motif sits, which a repeat cannot keep; "full of": not a full moon;
// "succulents in pots": where a plant grows, not a jar beside it.
const PLACE_WORDS = /\bin\s+the\s+(?:middle|centre|center)\b|\b(?:full|filled)\s+(?:of|with)\b|\bin\s+(?:little\s+|small\s+|terracotta\s+|clay\s+)?pots\b/giu;
// "in deep blue water", "in a pale sky": the colour of what the motifs are in is the ground.
const SETTING = /\b(?:in|under|across|against)\s+(?:a\s+|an\s+|the\s+)?((?:[\p{L}-]+\s+){1,3}?)(?:water|sea|ocean|sky|night\s+sky|waves)\b/giu;

/** The look phrases in `text`, and the text with them taken out (colours of a setting kept as the ground). */
export function readLooks(text: string): { text: string; looks: Looks } {
  const looks: Looks = {};
  let t = text;
  for (const [re, to] of SHORTHAND) t = t.replace(re, to);
  for (const [re, to] of WOODS) t = t.replace(re, to);
  for (const re of DENSE) t = t.replace(re, () => ((looks.density = 'dense'), ' '));
  for (const re of SPARSE) t = t.replace(re, () => ((looks.density ??= 'sparse'), ' '));
  t = t.replace(DIAGONAL, () => ((looks.diagonal = true), ' '));
  t = t.replace(FRAME_CENTRE, (m, words: string) => ((looks.frame = true), ` on ${words.trim()} `));
  for (const re of FRAME) t = t.replace(re, () => ((looks.frame = true), ' '));
  t = t.replace(GIANT, (m) => ((looks.giant = true), ` ${m.split(/\s+/)[0].toLowerCase() === 'two' ? 'two' : 'one'} `));
  t = t.replace(ONLY_COLOURS, (m, list: string) => {
    const parts = list.trim().split(/\s*(?:&|\+|\band\b|\bor\b)\s*/iu).filter(Boolean);
    const whole = parts.every((p) => {
      const ws = p.toLowerCase().split(/\s+/);
      const found = findColours(ws).colours;
      return found.length === 1 && found[0].length === ws.length && found[0].colour.source !== 'palette-word';
    });
    if (!whole) return m;
    looks.onlyColours = parts;
    return ' ';
  });
  t = t.replace(SOLO, () => ((looks.solo = true), ' '));
  t = t.replace(PLACE_WORDS, ' ');
  t = t.replace(SETTING, (m, words: string) => {
    const ws = words.trim().split(/\s+/);
    const found = findColours(ws.map((w) => w.toLowerCase())).colours;
    const covered = found.reduce((n, c) => n + c.length, 0);
    return found.length && covered === ws.length ? ` on ${words.trim()} ` : m;
  });
  return { text: t.replace(/\s{2,}/g, ' ').trim(), looks };
}

/**
 * A colour standing alone at the start ("midnight blue with silver moons", "solid burnt orange
 * with thin ivory lines") or as the last comma-separated part ("dogs with umbrellas, navy") is
 * the ground: rewritten as "on <colour>" so the parser reads it so.
 */
export function groundPhrases(text: string): string {
  const parts = text.split(/\s*[,;、，]\s*/u);
  const onlyColour = (s: string) => {
    const ws = s.toLowerCase().split(/\s+/).filter(Boolean);
    if (!ws.length) return false;
    const found = findColours(ws).colours;
    return found.length > 0 && found.every((c) => c.colour.source !== 'palette-word') && found.reduce((n, c) => n + c.length, 0) === ws.length;
  };
  if (parts.length > 1 && onlyColour(parts.at(-1)!)) parts[parts.length - 1] = `on ${parts.at(-1)}`;
  let out = parts.join(', ');
  const lead = /^\s*(?:(?:solid|plain|a|an)\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(with|mit|con|avec|com|met)\s+/iu.exec(out);
  if (lead && onlyColour(lead[1])) out = `${out.slice(lead[0].length)} on ${lead[1]}`;
  return out;
}
