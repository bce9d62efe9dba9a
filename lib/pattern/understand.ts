// What a shopper's words ask for: motifs (any of ~1,600, in 14 languages, plurals and typos
// forgiven), their colours and the background's, palette words, a texture, words to print and
// their lettering style, layout, density, scale and counts, and what to leave out ("no red").
// Protected names are refused with the reason. Pure and fast: no I/O after the first call.
import fs from 'node:fs';
import { colourByName, findColours, hexToLab, paletteFor } from './colours';
import { findIpTerms, type IpReason } from './ip-terms';
import { groundPhrases, readLooks } from './look-words';
import { pickFont } from './lettering';
import { motifByStem, motifLibrary, type Motif } from './motif-library';
import { MOTIF_SYNONYMS, NO_STAND_IN } from './motif-synonyms';
import { packageRequire } from './package-files';
import { TEXTURES } from './textures';
import type { FontDef, Hex, NamedColour, TextureDef } from './types';

// 'border' (a band along one edge of the tile) is how earlier designs drew a border; new ones
// use 'frame' (motifs all round the edges, the centre plain). 'diagonal': diagonal stripes.
export const LAYOUTS = ['tossed', 'grid', 'half-drop', 'stripes', 'border', 'mirror', 'frame', 'diagonal'] as const;
export type Layout = (typeof LAYOUTS)[number];
export type Density = 'sparse' | 'normal' | 'dense';
export type Scale = (typeof SCALES)[number];
export const SCALES = ['tiny', 'small', 'medium', 'large', 'giant'] as const;

export interface IntentMotif {
  motif: Motif;
  colour?: NamedColour;
  /** Several colours for one motif ("peach and lilac flowers"): some of each, `colour` the last. */
  colours?: NamedColour[];
  words: string; // what the shopper wrote for it
  corrected?: string; // the spelling it was read as, when it was a typo
  /** Drawn because the prompt named colours, a palette, a theme or a style and no motif. */
  from?: 'abstract' | 'theme';
}

export interface PatternIntent {
  prompt: string;
  motifs: IntentMotif[];
  background?: NamedColour;
  palette: Hex[];
  /** The palette word is a colour scheme (pastel, monochrome, earth tones…): motifs take its colours. */
  paletteTints?: boolean;
  texture?: { def: TextureDef; colours: Hex[] };
  text?: { content: string; font: FontDef; colour?: NamedColour };
  layout: Layout;
  density: Density;
  scale: Scale;
  count?: number;
  /** Only the motifs named: no filler between them, no motifs added for an occasion ("just bees, nothing else"). */
  solo?: boolean;
  /** Stripes that run up and down ("vertical stripes"). */
  vertical?: boolean;
  /** The stripes' colour when stripes alone are asked for ("lilac and mint stripes": mint ground, lilac stripes). */
  accent?: NamedColour;
  excluded: { colours: NamedColour[]; motifs: Motif[] };
  /** Words that changed nothing, so the studio can say so plainly. */
  ignored: string[];
  /** Subjects no motif fairly stands for ("axolotls"), with close motifs to offer instead. */
  unknown: { words: string; suggestions: Motif[] }[];
  refusals: { term: string; reason: IpReason; message: string }[];
}

const STOP = new Set(
  'a an the and or with of on in at to for my me our your some lots lot many few pattern patterns print prints printed design designs motif motifs all over allover background backgrounds ground colour color colours colors style styled please make i want like cute little nice pretty kind sort shirt hoodie tee mug tote poster case but kid kids baby hanging out slice slices pads pad cone cones sprinkles letter letters lettering font word words theme themed vibe vibes inspired repeated repeating son sons daughter daughters nephew niece grandson granddaughter family families trip vacation holiday holidays weekend night nights nighttime evening wavy floating market from together under any multicoloured multicolored multicolour multicolor colourful colorful vertical vertically horizontal horizontally single top tops room rooms bedroom nursery half halves beneath among amongst between behind near inside into onto through och en og в во '
    .concat('y con de del la el los las un una sobre fondo et avec sur le les des dans un une fond und mit auf der die das ein eine hintergrund e con su il lo gli di uno sfondo com em um uma fundo met op het een achtergrond z na w i tło и с на фон 的 和 在 背景 の と に 柄')
    .split(' '),
);
// Stripes that run up and down, in the languages the parser reads.
const VERTICAL = /\bvertical(?:ly)?\b|\bverticales?\b|\bverticali\b|\bsenkrechte?n?\b|\bvertica(?:is|l)\b|\bverticaal\b|вертикальн|縦|竖/iu;
const NIGHT_WORDS = new Set(['night', 'nights', 'nighttime', 'noche', 'nuit', 'nacht', 'notte', 'noite', 'nocy', 'ночь']);
const NEGATION = new Set(['no', 'not', 'without', 'non', 'sin', 'sans', 'pas', 'ohne', 'kein', 'keine', 'keinen', 'senza', 'sem', 'zonder', 'geen', 'bez', 'без', 'не', '无', '不要', 'なし']);
const AND_WORDS = new Set(['and', 'or', '&', 'y', 'o', 'et', 'ou', 'und', 'oder', 'e', 'en', 'i', 'и', 'och', 'og']);
const GROUND_NOUNS = new Set(['background', 'backdrop', 'ground', 'zemin', 'fondo', 'fond', 'hintergrund', 'sfondo', 'fundo', 'achtergrond', 'tło', 'фон', '背景']);
const ROMANCE_GROUND_NOUNS = new Set(['fondo', 'sfondo', 'fond', 'fundo']);
const BACKGROUND_WORDS = new Set(['on', 'over', 'background', 'backdrop', 'ground', 'zemin', 'sobre', 'fondo', 'sur', 'fond', 'auf', 'hintergrund', 'su', 'sfondo', 'em', 'fundo', 'op', 'achtergrond', 'na', 'tło', 'на', 'фон', '背景']);
const LAYOUT_WORDS: Record<string, Layout> = {
  tossed: 'tossed', scattered: 'tossed', random: 'tossed', ditsy: 'tossed', allover: 'tossed', esparcidos: 'tossed', éparpillés: 'tossed', verstreut: 'tossed', sparsi: 'tossed',
  grid: 'grid', rows: 'grid', aligned: 'grid', repeat: 'grid', cuadrícula: 'grid', grille: 'grid', raster: 'grid', griglia: 'grid',
  'half-drop': 'half-drop', halfdrop: 'half-drop', staggered: 'half-drop', offset: 'half-drop', brick: 'half-drop',
  stripes: 'stripes', stripe: 'stripes', lines: 'stripes', pinstripe: 'stripes', pinstripes: 'stripes', pinstriped: 'stripes', striped: 'stripes', rayas: 'stripes', rayures: 'stripes', streifen: 'stripes', righe: 'stripes', listras: 'stripes', strepen: 'stripes', paski: 'stripes', полосы: 'stripes', 'ストライプ': 'stripes', 条纹: 'stripes',
  border: 'frame', borders: 'frame', edge: 'frame', edges: 'frame', borde: 'frame', bordure: 'frame', rand: 'frame', bordo: 'frame', frame: 'frame', framed: 'frame',
  mirror: 'mirror', mirrored: 'mirror', symmetric: 'mirror', symmetrical: 'mirror', espejo: 'mirror', miroir: 'mirror', spiegel: 'mirror', specchio: 'mirror',
};
const DENSITY_WORDS: Record<string, Density> = { sparse: 'sparse', few: 'sparse', spaced: 'sparse', minimal: 'sparse', dense: 'dense', packed: 'dense', lots: 'dense', many: 'dense', crowded: 'dense', busy: 'dense', ditsy: 'dense', densely: 'dense' };
// Words that ask for no particular motif, only a look: abstract or geometric shapes in the colours asked.
const ABSTRACT_WORDS = new Set(['abstract', 'abstracts', 'shape', 'shapes', 'geometric', 'geometrical', 'geometry', 'geo', 'abstracto', 'abstracta', 'abstractos', 'geométrico', 'geométrica', 'geométricos', 'formas', 'abstrait', 'abstraite', 'abstraits', 'géométrique', 'géométriques', 'formes', 'abstrakt', 'abstrakte', 'geometrisch', 'geometrische', 'formen', 'astratto', 'astratta', 'astratti', 'geometrico', 'geometrica', 'geometrici', 'forme', 'abstrato', 'abstrata', 'abstratos', 'geometrische', 'vormen', 'abstrakcyjny', 'abstrakcyjne', 'geometryczny', 'geometryczne', 'kształty', 'абстрактный', 'абстрактные', 'абстракция', 'геометрический', 'геометрические', 'геометрия', 'фигуры', '抽象', '几何', '幾何学', '図形']);
// Shapes an abstract pattern is made of; the colours asked go on their fills.
export const ABSTRACT_MOTIFS = ['orange-circle', 'red-triangle', 'large-blue-diamond'];
// Themes and the motifs that say them when no motif is named ("christmas but not red and green").
const THEME_MOTIFS: Record<string, string[]> = {
  christmas: ['christmas-tree', 'wrapped-gift', 'snowflake'],
  halloween: ['jack-o-lantern', 'ghost', 'bat'],
  easter: ['rabbit-face', 'egg', 'tulip'],
  valentine: ['red-heart', 'love-letter', 'rose'],
  summer: ['sun', 'watermelon', 'palm-tree'],
  beach: ['palm-tree', 'spiral-shell', 'umbrella-on-ground'],
  autumn: ['maple-leaf', 'fallen-leaf', 'mushroom'],
  spring: ['cherry-blossom', 'tulip', 'seedling'],
  winter: ['snowflake', 'snowman', 'evergreen-tree'],
  ocean: ['tropical-fish', 'spouting-whale', 'octopus'],
  space: ['rocket', 'ringed-planet', 'star'],
  birthday: ['birthday-cake', 'balloon', 'party-popper'],
  wedding: ['ring', 'bouquet', 'sparkles'],
  graduation: ['graduation-cap', 'scroll', 'star'],
  garden: ['sunflower', 'herb', 'butterfly'],
  farm: ['cow-face', 'pig-face', 'chicken'],
};
// Theme words that are not palette words (those are found through their palette, in every language).
const THEME_WORDS: Record<string, string> = {
  fall: 'autumn', easter: 'easter', pascua: 'easter', pâques: 'easter', ostern: 'easter', pasqua: 'easter', páscoa: 'easter', pasen: 'easter', wielkanoc: 'easter', пасха: 'easter',
  space: 'space', cosmic: 'space', espacio: 'space', espace: 'space', weltraum: 'space', weltall: 'space', spazio: 'space', espaço: 'space', kosmos: 'space', космос: 'space', 宇宙: 'space',
  sea: 'ocean', mar: 'ocean', mer: 'ocean', meer: 'ocean', mare: 'ocean', zee: 'ocean', morze: 'ocean', море: 'ocean',
  garden: 'garden', jardín: 'garden', jardin: 'garden', garten: 'garden', giardino: 'garden', jardim: 'garden', tuin: 'garden', ogród: 'garden', сад: 'garden',
  farm: 'farm', granja: 'farm', ferme: 'farm', bauernhof: 'farm', fattoria: 'farm', fazenda: 'farm', boerderij: 'farm', ферма: 'farm',
};
const SCHEME_PALETTES = new Set(['pastel', 'pastels', 'monochrome', 'neon', 'earth', 'muted', 'jewel', 'vintage']);
const SCALE_WORDS: Record<string, Scale> = {
  wide: 'large', broad: 'large', thin: 'small', narrow: 'small', skinny: 'small', pinstripe: 'tiny', pinstripes: 'tiny',
  tiny: 'tiny', mini: 'tiny', micro: 'tiny', ditsy: 'tiny', small: 'small', little: 'small', pequeños: 'small', pequeñas: 'small', petits: 'small', petites: 'small', kleine: 'small', piccoli: 'small',
  medium: 'medium', big: 'large', large: 'large', huge: 'giant', giant: 'giant', oversized: 'giant', enormous: 'giant', jumbo: 'giant', massive: 'giant', bold: 'large', grandes: 'large', grands: 'large', große: 'large', grandi: 'large',
};
const NUMBERS: Record<string, number> = { one: 1, single: 1, lone: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, dos: 2, tres: 3, cuatro: 4, cinco: 5, deux: 2, trois: 3, quatre: 4, zwei: 2, drei: 3, vier: 4, fünf: 5, due: 2, tre: 3, quattro: 4 };
const GREETINGS = /\b(happy (?:\d{1,3}(?:st|nd|rd|th) )?(?:birthday|anniversary)|happy (?:holidays|new year|mother'?s day|father'?s day)|merry christmas|i love you|love you|best (?:mom|mum|dad|grandma|grandpa|nana|papa|sister|brother|friends?)(?: ever)?|just married|feliz cumpleaños|feliz navidad|te quiero|joyeux anniversaire|joyeux noël|alles gute|frohe weihnachten|buon compleanno|buon natale|parabéns|gefeliciteerd|wszystkiego najlepszego|с днём рождения|с днем рождения)\b/iu;
const TEXT_CUES = /(?:\b(?:name|named|saying|says|text|words?|lettering|monogram|initials|nombre|texto|nom|texte|namen|schrift|nome|testo|naam|imię|имя|名前)\s+)((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u;
// Family names written in lower case after a greeting ("happy birthday nana").
const FAMILY = /^\s*,?\s*(nana|nan|nanna|grandma|granny|gran|grandpa|gramps|grandad|granddad|mom|mum|mommy|mummy|mama|dad|daddy|papa|auntie|aunt|uncle)\b/iu;
// Occasions whose words are printed: a name's birthday, a team, a class, a family, a founding year.
const OCCASIONS = [
  /(?:\p{Lu}[\p{L}-]*(?:['’]s)?\s+)?\d{1,3}(?:st|nd|rd|th)\s+birthday\b/u, // "Mia's 5th birthday"
  /\b[Gg][Oo]\s+(?:\p{Lu}[\p{L}-]*|[Tt]eam)\b/u, // "Go Tigers", "go team" (no i flag: it would make \p{Lu} match any letter)
  /\b[Tt]eam\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*|\b[Tt]eam\s+(?:[Bb]ride|[Gg]room)\b/u, // "Team Bride", "Team Johnson Family Reunion"
  /\b(?:bride|bridal|birthday|girls?|boys?)\s+(?:squad|crew|tribe)\b/iu, // "bride squad"
  /\bclass\s+of\s+(?:19|20)?\d{2}\b/iu, // "class of 2026"
  /(?:\p{Lu}[\p{L}-]*\s+)?[Ff]amily\s+[Rr]eunion(?:\s+(?:19|20)\d{2})?/u, // "Smith family reunion 2025"
  /\best(?:\.|ablished)?\s+(?:19|20)\d{2}\b/iu, // "est. 1990"
];
// "Liam in blue block letters": a capitalised name before a lettering cue.
const NAME_IN_LETTERS = /^\s*(\p{Lu}[\p{L}'’-]*)\s+(?:in|with)\s+(?:[\p{L}-]+\s+){0,3}(?:letters|lettering|script|font|writing)\b/u;
// What printed words say that motifs also can: a birthday is cake and balloons.
const OCCASION_THEMES: [RegExp, string][] = [
  [/birthday|cumpleaños|anniversaire|geburtstag|compleanno|aniversário|verjaardag|urodzin|рождения/iu, 'birthday'],
  [/bride|bridal|wedding|just married/iu, 'wedding'],
  [/class of|graduat/iu, 'graduation'],
];
// Words to print that need no cue: capitals ("STAY WEIRD in bold letters"), a date with the
// names before it ("Mr & Mrs Carter 14.02.2026"), a name or place with a number or year
// ("Liam 5 with dinosaurs", "Hawaii 2025"), a title-case phrase with a name or a possessive in it
// ("Grandpa's Garden", "Happy Retirement Linda", "Coffee First").
const CAPITALS = /(?<![\p{L}])(\p{Lu}{2,}[!?.]?(?:\s+(?:&\s+)?\p{Lu}{1,}[’'!?.]?\p{Lu}*[!?.]?)*)(?![\p{L}])/u;
const DATED = /((?:(?:\p{Lu}[\p{L}'’.]*|&)\s+){0,4})(\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2})\b/u;
const NAME_NUMBER = /(?<![\p{L}\d])((?:\p{Lu}[\p{L}'’-]+\s+){1,3})((?:19|20)\d{2}|\d{1,2})(?![\p{L}\d.])/u;
const TITLE_RUN = /(?<![\p{L}])(\p{Lu}[\p{L}'’!-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}'’!-]*)+)(?![\p{L}])/gu;
const QUOTED = /["“”«»„「『'‘]([^"“”«»„「」『』'’]{1,40})["“”«»」』'’]/u;

// "Weihnachtsmuster", "bloemenpatroon": a Germanic compound of a subject and the word for pattern.
const PATTERN_SUFFIX = /^(\p{L}{4,}?)s?(muster|mönster|mønster|patroon)$/u;

/** The subject of a "…pattern" compound when it is a known word, else the word as written. */
function compoundHead(t: string): string {
  const m = PATTERN_SUFFIX.exec(t);
  if (!m) return t;
  const stem = t.slice(0, t.length - m[2].length);
  for (const w of [stem, stem.replace(/s$/, ''), `${stem.replace(/s$/, '')}en`, `${stem}en`]) if (paletteFor(w) || THEME_WORDS[w] || lookupMotif(w)) return w;
  return t;
}

/** English and Romance plural endings, tried after the word itself. */
function singulars(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ves') && w.length > 4) out.push(`${w.slice(0, -3)}f`, `${w.slice(0, -3)}fe`);
  if (w.endsWith('oes')) out.push(w.slice(0, -2));
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 2) out.push(w.slice(0, -1));
  if (w.endsWith('en') && w.length > 4) out.push(w.slice(0, -2), w.slice(0, -1)); // Katzen → Katze
  if (w.endsWith('i') && w.length > 3) out.push(`${w.slice(0, -1)}o`, `${w.slice(0, -1)}e`); // gatti → gatto
  if (w.endsWith('e') && w.length > 3) out.push(`${w.slice(0, -1)}a`, w.slice(0, -1)); // rose → rosa; Blumen handled above
  if (/[иы]$/.test(w) && w.length > 3) out.push(`${w.slice(0, -1)}а`, w.slice(0, -1)); // кошки → кошка, коты → кот
  if (w.endsWith('y') && w.length > 3) out.push(`${w.slice(0, -1)}a`, w.slice(0, -1)); // gwiazdy → gwiazda, koty → kot
  if (/(ler|lar)$/.test(w) && w.length > 5) out.push(w.slice(0, -3)); // kediler → kedi
  if (/(er|ar|or)$/.test(w) && w.length > 4) out.push(w.slice(0, -2), `${w.slice(0, -2)}a`); // katter → katt, blommor → blomma
  return out;
}

const LETTERING_NOUNS = new Set(['letters', 'letter', 'lettering', 'font', 'type', 'text', 'writing']);
const SHADE_WORDS = new Set(['muted', 'dusty', 'soft', 'pale', 'light', 'dark', 'deep', 'bright', 'rich', 'faded', 'dull', 'vivid']);
const BASIC_COLOUR_WORDS = ['yellow', 'orange', 'purple', 'green', 'black', 'white', 'brown', 'pink', 'blue', 'grey', 'gray', 'navy', 'teal', 'beige', 'red', 'turquoise', 'lavender', 'burgundy', 'maroon', 'magenta', 'mustard', 'charcoal', 'fuchsia', 'periwinkle', 'aquamarine', 'violet', 'crimson', 'scarlet', 'emerald', 'indigo', 'lilac', 'salmon', 'coral', 'ivory', 'terracotta', 'chartreuse'];

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/ё/g, 'е')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((t) => t.replace(/^['’-]+|['’-]+$/g, ''))
    .map((t) => t.replace(/^(?:l|d|qu|j|s|c|m|t|n|dell|dall|nell|sull|all)['’](?=\p{L}{3})/u, '')) // elision: "l'océan", "dell'oceano"
    .filter(Boolean);
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau–Levenshtein distance (optimal string alignment), capped: larger distances return cap + 1. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length >= 63 || b.length >= 63) return a === b ? 0 : cap + 1;
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

// Generic words whose CLDR keyword lists name dozens of emoji: the motif a shopper means.
const GENERIC: Record<string, string> = { flower: 'blossom', orange: 'tangerine', floral: 'blossom', flor: 'blossom', fleur: 'blossom', blume: 'blossom', fiore: 'blossom', heart: 'red-heart', love: 'red-heart', star: 'star', leaf: 'leaf-fluttering-in-wind', leaves: 'leaf-fluttering-in-wind', tropical: 'palm-tree', cat: 'cat', kitten: 'cat-face', kitty: 'cat-face', dog: 'dog', puppy: 'dog-face', coffee: 'hot-beverage', cup: 'hot-beverage', dinosaur: 'sauropod', dino: 'sauropod', bug: 'lady-beetle', beetle: 'lady-beetle', fruit: 'red-apple', bird: 'bird', fish: 'tropical-fish', skull: 'skull', moon: 'crescent-moon', sun: 'sun', cloud: 'cloud', tree: 'deciduous-tree', bee: 'honeybee', butterfly: 'butterfly', mushroom: 'mushroom', cherry: 'cherries', pumpkin: 'jack-o-lantern', ghost: 'ghost', rainbow: 'rainbow', pizza: 'pizza', avocado: 'avocado', lemon: 'lemon', strawberry: 'strawberry', rose: 'rose', tulip: 'tulip', daisy: 'blossom', cactus: 'cactus', wave: 'water-wave', anchor: 'anchor', planet: 'ringed-planet', rocket: 'rocket', bunny: 'rabbit-face', rabbit: 'rabbit-face', diamond: 'gem-stone', gem: 'gem-stone', lightning: 'high-voltage', bolt: 'high-voltage', plane: 'airplane', 'paper plane': 'airplane', balloon: 'balloon', 'tea party': 'teapot', succulent: 'potted-plant', animal: 'paw-prints', christmas: 'christmas-tree', snake: 'snake', koi: 'tropical-fish', psy: 'dog', pies: 'dog' };

function lookupMotif(phrase: string, minStrength = 1): Motif | undefined {
  const lib = motifLibrary();
  const forms = singulars(phrase);
  // A motif's own name is not read as another word's inflection: "fire" is not "fir".
  const ownName = lib.index.get(phrase)?.[0]?.strength === 3;
  for (const form of forms) {
    if (ownName && form !== phrase) break;
    const generic = GENERIC[form] ?? MOTIF_SYNONYMS[form];
    if (generic && lib.motifs.has(generic)) return lib.motifs.get(generic);
    if (NO_STAND_IN[form]) return undefined;
  }
  // A motif's own name in any form beats a keyword of another: "roses" is the rose, not a bouquet.
  // A short word that is only someone's keyword ("out", "air", "och") names nothing.
  let best: { motif: Motif; strength: number } | undefined;
  for (const form of forms) {
    const hit = lib.index.get(form)?.[0];
    if (!hit || hit.strength < minStrength || (hit.strength === 1 && form.length < 5 && !CJK.test(form))) continue;
    if (!best || hit.strength > best.strength || (hit.strength === best.strength && hit.motif.name.length < best.motif.name.length)) best = hit;
  }
  return best?.motif;
}

/**
 * The motif two adjacent nouns both name (by its name or keywords), when each names a motif on its
 * own: "fire" + "truck" is the fire engine, not a flame and a pickup.
 */
function compoundMotif(a: string, b: string | undefined): Motif | undefined {
  if (!b || STOP.has(a) || STOP.has(b) || a.length < 3 || b.length < 3 || CJK.test(a) || CJK.test(b) || AND_WORDS.has(a)) return undefined;
  // Words that set the look ("small", "stripes", "print", "pastel") are not half of a name.
  for (const w of [a, b]) if (w in LAYOUT_WORDS || w in SCALE_WORDS || w in DENSITY_WORDS || w in NUMBERS || ABSTRACT_WORDS.has(w) || paletteFor(w) || TEXTURES.some((d) => d.keywords.some((k) => k === w || k.split(' ').includes(w)))) return undefined;
  if (!lookupMotif(a) || !lookupMotif(b)) return undefined;
  const lib = motifLibrary();
  const strengths = (w: string) => {
    const out = new Map<Motif, number>();
    for (const f of englishPlurals(w)) for (const e of lib.index.get(f) ?? []) out.set(e.motif, Math.max(out.get(e.motif) ?? 0, e.strength));
    return out;
  };
  const sa = strengths(a);
  let best: Motif | undefined;
  let bestScore = 0;
  for (const [motif, s] of strengths(b)) {
    const score = sa.has(motif) ? sa.get(motif)! + s : 0;
    // Ties go to the shorter, more basic name ("vertical traffic light" over "horizontal…").
    if (score > bestScore || (score === bestScore && score && best && (motif.name.length < best.name.length || (motif.name.length === best.name.length && motif.id < best.id)))) [best, bestScore] = [motif, score];
  }
  return bestScore >= 3 ? best : undefined;
}

let byFirstLetter: Map<string, string[]> | undefined;

/** Spelling candidates grouped by first letter: a typo rarely changes the first letter. */
function spellingBuckets(): Map<string, string[]> {
  if (byFirstLetter) return byFirstLetter;
  byFirstLetter = new Map();
  for (const w of [...motifLibrary().englishWords, ...Object.keys(GENERIC), ...Object.keys(MOTIF_SYNONYMS), ...Object.keys(NO_STAND_IN)]) {
    if (w.length < 3) continue;
    const list = byFirstLetter.get(w[0]) ?? [];
    list.push(w);
    byFirstLetter.set(w[0], list);
  }
  return byFirstLetter;
}

let english: Set<string> | undefined;

/** English words (npm an-array-of-english-words, MIT), loaded on the first possible typo. */
function englishWord(w: string): boolean {
  english ??= new Set(JSON.parse(fs.readFileSync(packageRequire.resolve('an-array-of-english-words/index.json'), 'utf8')) as string[]);
  return englishPlurals(w).some((f) => english!.has(f));
}

/** The word and its English singulars. */
function englishPlurals(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ves') && w.length > 4) out.push(`${w.slice(0, -3)}f`, `${w.slice(0, -3)}fe`);
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 3) out.push(w.slice(0, -1));
  return out;
}

/** The close spelling a typo stands for: one edit for words up to six letters, two from seven; the shorter (commoner) word on a tie. */
function suggest(word: string): string | undefined {
  if (word.length < 4 || CJK.test(word)) return undefined;
  const cap = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestD = cap + 1;
  const forms = singulars(word);
  const buckets = spellingBuckets();
  // Candidates: the same first letter, or the first two letters swapped ("pniapple").
  const candidates = [...(buckets.get(word[0]) ?? []), ...(word[1] !== word[0] ? (buckets.get(word[1]) ?? []) : [])];
  for (const cand of candidates) {
    if (Math.abs(cand.length - word.length) > cap + 1) continue;
    for (const f of forms) {
      const d = editDistance(f, cand, cap);
      if (d < bestD || (d === bestD && best && cand.length < best.length)) {
        bestD = d;
        best = cand;
      }
    }
  }
  return bestD <= cap ? best : undefined;
}

export function understandPrompt(prompt: string): PatternIntent {
  const refusals = findIpTerms(prompt);
  let rest = prompt;
  let textContent: string | undefined;
  const quoted = QUOTED.exec(rest);
  const cue = TEXT_CUES.exec(rest);
  const greeting = GREETINGS.exec(rest);
  if (quoted) {
    textContent = quoted[1].trim();
    rest = rest.replace(quoted[0], ' ');
  } else if (greeting) {
    // A greeting and the name after it: "happy birthday Sam", "happy 80th birthday nana".
    const tail = rest.slice(greeting.index + greeting[0].length);
    const after = tail.match(/^\s*,?\s*((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u) ?? tail.match(FAMILY);
    textContent = `${greeting[0]}${after ? ` ${after[1]}` : ''}`.trim();
    rest = rest.replace(after ? greeting[0] + rest.slice(greeting.index + greeting[0].length, greeting.index + greeting[0].length + after[0].length) : greeting[0], ' ');
  } else if (cue) {
    textContent = cue[1].trim();
    rest = rest.replace(cue[0], ' ');
  } else {
    const named = NAME_IN_LETTERS.exec(rest);
    if (named && !lookupMotif(named[1].toLowerCase())) {
      textContent = named[1];
      rest = rest.replace(named[1], ' ');
    } else {
      const occasion = OCCASIONS.map((re) => re.exec(rest)).find((m) => m);
      const bare = occasion ? undefined : bareText(rest);
      if (bare) {
        textContent = bare.content;
        rest = rest.replace(bare.span, ' ');
      } else if (occasion) {
        textContent = occasion[0].trim();
        // Words to print are printed, never also drawn ("Go Tigers" draws no tiger).
        rest = rest.replace(occasion[0], ' ');
        // "Tigers soccer 2027 go team": the team's name and a year print with the cheer.
        if (/^go\s+team$/i.test(textContent)) {
          const team = /\p{Lu}[\p{L}-]*s\b/u.exec(rest);
          if (team) textContent = `Go ${team[0]}`;
        }
        const year = /\b(?:19|20)\d{2}\b/.exec(rest);
        if (year && !/\d{4}/.test(textContent)) {
          textContent = `${textContent} ${year[0]}`;
          rest = rest.replace(year[0], ' ');
        }
      }
    }
  }

  const read = readLooks(rest);
  rest = groundPhrases(read.text);
  const looks = read.looks;
  const tokens = tokenize(rest).map(compoundHead);
  const colourHits = findColours(tokens).colours;
  const colourAt = new Map(colourHits.map((h) => [h.index, h]));
  const intent: PatternIntent = { prompt, motifs: [], palette: [], layout: 'tossed', density: 'normal', scale: 'medium', excluded: { colours: [], motifs: [] }, ignored: [], unknown: [], refusals };
  const styleWords: string[] = [];
  let pendingColour: NamedColour | undefined;
  let inkColour: NamedColour | undefined;
  const colourRuns = new Map<NamedColour, NamedColour[]>(); // "peach and lilac": the colours named together
  let pendingEnd = -1;
  const namedColours: NamedColour[] = []; // colours named for motifs, in order: an abstract or theme pattern takes those left over
  const themes: string[] = [];
  let abstractAsked = false;
  let negatedEnd = -1; // "not red and green": a colour joined to a ruled-out one is ruled out too
  let negate = false;
  let backgroundNext = false;
  let layoutSet = false;
  let texture: TextureDef | undefined;
  const textureColours: Hex[] = [];

  let lastMotifEnd = -1;
  let postfixEnd = -1; // where a colour written after its motif ended
  let motifCount = 0;
  for (let i = 0; i < tokens.length; ) {
    if (intent.motifs.length !== motifCount) {
      motifCount = intent.motifs.length;
      lastMotifEnd = i;
    }
    const t = tokens[i];
    // "aubergine background", "on aubergine": any of the 6,000 colour names next to a ground word is the ground.
    const groundName = !intent.background && !negate ? namedGround(tokens, i, backgroundNext) : undefined;
    if (groundName) {
      intent.background = groundName.colour;
      i += groundName.length;
      backgroundNext = false;
      continue;
    }
    // A motif's own two- or three-word name wins over its words' other meanings ("christmas tree").
    const phrase = colourAt.has(i) ? undefined : [3, 2].map((len) => tokens.slice(i, i + len)).find((w) => w.length > 1 && lookupMotif(w.join(' '), 3));
    if (phrase) {
      const motif = lookupMotif(phrase.join(' '), 3)!;
      if (negate) intent.excluded.motifs.push(motif);
      else if (!intent.motifs.some((m) => m.motif.id === motif.id)) intent.motifs.push({ motif, colour: pendingColour, words: phrase.join(' ') });
      negate = false;
      pendingColour = undefined;
      i += phrase.length;
      continue;
    }
    // Two nouns that name one motif together are that motif: "fire trucks", "police cars", "traffic lights".
    const pair = colourAt.has(i) || colourAt.has(i + 1) ? undefined : compoundMotif(t, tokens[i + 1]);
    if (pair) {
      if (negate) intent.excluded.motifs.push(pair);
      else if (!intent.motifs.some((m) => m.motif.id === pair.id)) intent.motifs.push({ motif: pair, colour: pendingColour, words: `${t} ${tokens[i + 1]}` });
      negate = false;
      pendingColour = undefined;
      i += 2;
      continue;
    }
    const colour = colourAt.get(i);
    if (colour) {
      const c = colour.colour;
      // "in orange college letters": a colour before the lettering noun is the ink, not a motif or a ground.
      if (textContent && !negate && [1, 2].some((k) => LETTERING_NOUNS.has(tokens[i + colour.length - 1 + k] ?? ''))) {
        inkColour = c;
        i += colour.length;
        continue;
      }
      // "bees and honey": a colour word that is also a motif, with no motif or colour after it, is the motif.
      // Not when it ends a run of colours ("in brown and orange") or colours a texture ("camo with orange").
      const inRun = (pendingColour !== undefined && (pendingEnd === i || (pendingEnd === i - 1 && AND_WORDS.has(tokens[pendingEnd])))) || (postfixEnd === i - 1 && AND_WORDS.has(tokens[postfixEnd]));
      if (colour.thing && colour.length === 1 && !backgroundNext && !negate && !texture && !inRun && lookupMotif(t) && !colourAt.has(i + 1) && !colourAt.has(i + 2) && !lookupMotif(tokens[i + 1] ?? '') && !GROUND_NOUNS.has(tokens[i + 1] ?? '')) {
        const motif = lookupMotif(t)!;
        if (!intent.motifs.some((m) => m.motif.id === motif.id)) intent.motifs.push({ motif, colour: pendingColour, words: t });
        pendingColour = undefined;
        i++;
        continue;
      }
      i += colour.length;
      if (!negate && negatedEnd >= 0 && i - colour.length === negatedEnd + 1 && AND_WORDS.has(tokens[negatedEnd])) negate = true;
      // Romance and other languages put the colour after the noun ("chats noirs", "fleurs jaunes"), English after "in" ("flowers in brown and orange").
      const last = intent.motifs.at(-1);
      const start = i - colour.length;
      const after = lastMotifEnd === start || (lastMotifEnd === start - 1 && (tokens[start - 1] === 'in' || tokens[start - 1] === 'en'));
      if (!negate && !backgroundNext && last && !last.colour && after && !groundNounOf(tokens, i) && c.source !== 'palette-word') {
        last.colour = c;
        postfixEnd = i;
        continue;
      }
      if (!negate && !backgroundNext && last?.colour && postfixEnd === start - 1 && AND_WORDS.has(tokens[postfixEnd]) && c.source !== 'palette-word') {
        colourRuns.set(c, [...(colourRuns.get(last.colour) ?? [last.colour]), c]);
        last.colour = c;
        postfixEnd = i;
        continue;
      }
      if (c.source === 'palette-word') {
        const theme = themeOfPalette(c.name);
        if (theme && !negate) themes.push(theme);
        intent.palette.push(...(paletteFor(c.name) ?? [])); // "earth tones"
        if (SCHEME_PALETTES.has(c.name.split(' ')[0])) intent.paletteTints = true;
        continue;
      }
      if (negate) {
        intent.excluded.colours.push(c);
        negate = false;
        negatedEnd = i;
      } else if (groundNounOf(tokens, i)) {
        intent.background = c; // "olive green background"
        i++;
        backgroundNext = false;
      } else if (backgroundNext) {
        intent.background = c; // "on navy", "on a navy background"
        backgroundNext = false;
        if (GROUND_NOUNS.has(tokens[i] ?? '')) i++;
      } else {
        // "rust orange": a colour word straight after another names one shade, the first and more specific.
        if (pendingColour && pendingEnd === i - colour.length) continue;
        // "peach and lilac flowers": two colours joined by a conjunction alone colour the same motifs.
        if (pendingColour && i - colour.length === pendingEnd + 1 && AND_WORDS.has(tokens[pendingEnd])) colourRuns.set(c, [...(colourRuns.get(pendingColour) ?? [pendingColour]), c]);
        pendingColour = c;
        pendingEnd = i;
        namedColours.push(c);
        textureColours.push(c.hex);
      }
      continue;
    }
    if (NEGATION.has(t) && !GROUND_NOUNS.has(tokens[i + 1] ?? '')) {
      negate = true;
      i++;
      continue;
    }
    if (BACKGROUND_WORDS.has(t) || (t === 'no' && GROUND_NOUNS.has(tokens[i + 1] ?? ''))) {
      backgroundNext = true;
      i++;
      continue;
    }
    // "muted pastel", "dusty pastels": a shade word before a palette or colour word is part of the colours asked.
    if (SHADE_WORDS.has(t) && (paletteFor(tokens[i + 1] ?? '') || colourAt.has(i + 1))) {
      i++;
      continue;
    }
    const palette = paletteFor(t);
    if (palette) {
      const theme = themeOfPalette(t);
      if (theme && !negate) themes.push(theme);
      intent.palette.push(...palette);
      if (SCHEME_PALETTES.has(t)) intent.paletteTints = true;
      i++;
      continue;
    }
    if (t in LAYOUT_WORDS) {
      // "half-drop repeat": "repeat" alone names no layout over one already named.
      if (!(t === 'repeat' && layoutSet)) intent.layout = LAYOUT_WORDS[t];
      layoutSet = true;
      if (t in DENSITY_WORDS) intent.density = DENSITY_WORDS[t];
      if (t in SCALE_WORDS) intent.scale = SCALE_WORDS[t];
      i++;
      continue;
    }
    if (t in SCALE_WORDS || t in DENSITY_WORDS) {
      // "huge bold dots": a second size word does not shrink a giant.
      if (t in SCALE_WORDS && !(intent.scale === 'giant' && SCALE_WORDS[t] === 'large')) intent.scale = SCALE_WORDS[t];
      if (t in DENSITY_WORDS) intent.density = DENSITY_WORDS[t];
      i++;
      continue;
    }
    const n = NUMBERS[t] ?? (/^\d{1,2}$/.test(t) ? Number(t) : undefined);
    if (n !== undefined && n > 0) {
      intent.count = n;
      i++;
      continue;
    }
    const tex = TEXTURES.find((d) => d.keywords.includes(t) || d.keywords.includes(`${t} ${tokens[i + 1] ?? ''}`.trim()));
    if (tex && !negate) {
      texture = tex;
      i += tex.keywords.includes(`${t} ${tokens[i + 1] ?? ''}`) ? 2 : 1; // "wood grain" whole: "grain" is not bread
      continue;
    }
    if (ABSTRACT_WORDS.has(t)) {
      abstractAsked = true;
      i++;
      continue;
    }
    if (THEME_WORDS[t] && !lookupMotif(t)) {
      if (!negate) themes.push(THEME_WORDS[t]);
      negate = false;
      i++;
      continue;
    }
    // "bubble letters", "block letters": a style word for the words printed, not a motif.
    if (textContent && LETTERING_NOUNS.has(tokens[i + 1] ?? '') && pickFont([t]).keywords.includes(t)) {
      styleWords.push(t);
      i++;
      continue;
    }
    // "pandas eating", "llamas wearing hats": a verb after a subject is what it does, not a motif
    // whose keyword it is (a man wearing a turban); a motif it names by name ("camping") stays.
    if (/^\p{L}{3,}ing$/u.test(t) && lastMotifEnd === i && !negate && !STOP.has(t) && (motifLibrary().index.get(t)?.[0]?.strength ?? 0) < 3 && !lookupMotif(tokens.slice(i, i + 2).join(' '), 3)) {
      intent.ignored.push(t);
      i++;
      continue;
    }
    // Motifs: the longest phrase of up to three words that names one.
    let matched = false;
    for (let len = Math.min(3, tokens.length - i); len >= 1 && !matched; len--) {
      const phrase = tokens.slice(i, i + len).join(' ');
      // A shade word on its own ("light", "deep") says how light a colour or texture is, never a motif.
      if (len === 1 && (STOP.has(phrase) || SHADE_WORDS.has(phrase))) break;
      const noStandIn = singulars(phrase).find((f) => NO_STAND_IN[f]);
      if (noStandIn) {
        // Nothing fair to draw: said plainly, with close motifs to offer, rather than read as a typo of another word.
        const lib = motifLibrary();
        if (!negate) {
          intent.ignored.push(phrase);
          intent.unknown.push({ words: phrase, suggestions: NO_STAND_IN[noStandIn].map((id) => lib.motifs.get(id)).filter((m): m is Motif => !!m) });
        }
        matched = true;
        negate = false;
        i += len;
        continue;
      }
      if (len === 1 && CJK.test(phrase) && !lookupMotif(phrase)) {
        const found = segmentCjk(phrase);
        if (!found.length) break;
        for (const motif of found) if (!negate && !intent.motifs.some((m) => m.motif.id === motif.id)) intent.motifs.push({ motif, colour: pendingColour, words: phrase });
        matched = true;
        i += 1;
        pendingColour = undefined;
        negate = false;
        continue;
      }
      const motif = lookupMotif(phrase);
      if (!motif) continue;
      matched = true;
      i += len;
      if (negate) {
        intent.excluded.motifs.push(motif);
        negate = false;
      } else if (!intent.motifs.some((m) => m.motif.id === motif.id)) {
        intent.motifs.push({ motif, colour: pendingColour, words: phrase });
      }
      pendingColour = undefined;
    }
    if (matched) continue;
    if (STOP.has(t)) {
      if (t === 'with' || t === 'and' || t === 'con' || t === 'avec' || t === 'mit') backgroundNext = false;
      i++;
      continue;
    }
    if (pickFont([t]).keywords.includes(t)) {
      styleWords.push(t);
      i++;
      continue;
    }
    const colourGuess = BASIC_COLOUR_WORDS.find((w) => editDistance(t, w, 1) === 1 && t.length >= 4);
    if (colourGuess && !negate) {
      const c = colourByName(colourGuess)!; // "yelow" is yellow
      if (backgroundNext) {
        intent.background = c;
        backgroundNext = false;
      } else pendingColour = c;
      i++;
      continue;
    }
    // A one-letter slip of an English word ("strawbery") is a typo; otherwise an inflection or diminutive
    // ("лисички", "Blümchen") is tried before a looser spelling guess, which would misread foreign words.
    // A word that is itself English ("rubber", "squad", "bottom") is never a typo of another.
    const guess = /^[a-z]/.test(t) && englishWord(t) ? undefined : suggest(t);
    const slip = guess && singulars(t).some((f) => editDistance(f, guess, 1) <= 1) ? lookupMotif(guess) : undefined;
    // A misspelt texture ("leapord print") is the texture.
    const textureSlip = guess && !texture && !negate ? TEXTURES.find((d) => d.keywords.includes(`${guess} ${tokens[i + 1] ?? ''}`)) : undefined;
    if (textureSlip) {
      texture = textureSlip;
      i += 2;
      continue;
    }
    // An English word is not read through another language's stems ("garden" is not a guard, "nothing" not a jar).
    const stem = slip || negate || (/^[a-z]/.test(t) && englishWord(t)) ? undefined : motifByStem(t);
    const stemmed = stem && (lookupMotif(stem.word) ?? stem.motif); // the word's own reading first ("Blümchen" → Blume, a flower)
    const typo = slip ?? (stemmed || !guess ? undefined : lookupMotif(guess));
    const motif = typo ?? stemmed;
    if (motif && !negate) {
      if (!intent.motifs.some((m) => m.motif.id === motif.id)) intent.motifs.push({ motif, colour: pendingColour, words: t, ...(typo ? { corrected: guess } : {}) });
      pendingColour = undefined;
    } else intent.ignored.push(t);
    negate = false;
    i++;
  }
  // A colour left over names the lettering when there is only lettering ("Alice in pink
  // script"), else the background when none was given ("stars, navy").
  let textColour = inkColour ?? intent.motifs.find((m) => m.colour)?.colour;
  if (pendingColour && textContent && !intent.motifs.length && !inkColour) textColour = pendingColour;
  else if (pendingColour && !intent.background && !texture) intent.background = pendingColour;
  // "owls at night": the time of day is the ground's colour, not a motif of its own.
  if (!intent.background && !texture && tokens.some((t) => NIGHT_WORDS.has(t))) intent.background = colourByName('midnight blue') ?? undefined;
  if (!intent.motifs.length && !texture && !textContent && !refusals.length) {
    // Colours, a palette, a theme or a style and no motif: the theme's motifs, else abstract shapes, in the colours named.
    const free = namedColours.filter((c) => c !== intent.background);
    const theme = themes.find((th) => THEME_MOTIFS[th]);
    const lib = motifLibrary();
    const fill = (ids: string[], from: 'abstract' | 'theme', words: string) =>
      ids.flatMap((id, k) => {
        const motif = lib.motifs.get(id);
        return motif ? [{ motif, from, words, ...(free.length ? { colour: free[k % free.length] } : {}) }] : [];
      });
    const onlyLooks = !intent.ignored.length && !intent.unknown.length && (namedColours.length > 0 || !!intent.background || intent.palette.length > 0);
    const striped = intent.layout === 'stripes' || intent.layout === 'diagonal' || (looks.diagonal && intent.layout === 'tossed');
    if (theme) intent.motifs = fill(THEME_MOTIFS[theme], 'theme', theme);
    else if (striped && !abstractAsked) {
      // Stripes and nothing else: the first colour named is the stripes', the next the ground's.
      if (free.length) intent.accent = free[0];
      if (!intent.background && free.length > 1) intent.background = free[1];
    } else if (abstractAsked || onlyLooks) intent.motifs = fill(ABSTRACT_MOTIFS, 'abstract', 'abstract');
  }
  // A palette word alone colours a texture too ("pastel checkerboard"): its colours, lightest first for the ground.
  const paletteColours = intent.palette.slice().sort((a, b) => lightnessOf(b) - lightnessOf(a)).slice(0, texture?.colours ?? 0);
  if (texture) intent.texture = { def: texture, colours: textureColours.length ? textureColours : paletteColours.length >= 2 ? paletteColours : [...texture.defaultColours] };
  // Capitals with no style asked read as a headline: a bold upright face, not a script.
  const capitals = !styleWords.length && !!textContent && /\p{Lu}{2}/u.test(textContent) && textContent === textContent.toUpperCase();
  if (textContent) intent.text = { content: textContent, font: pickFont(capitals ? ['uppercase'] : styleWords), colour: textColour };
  // A birthday, a wedding or a class printed with no motif named: the motifs that say it too. Named motifs are drawn alone.
  const occasion = textContent && !texture && !looks.solo && !intent.motifs.length ? OCCASION_THEMES.find(([re]) => re.test(textContent)) : undefined;
  if (occasion) {
    const lib = motifLibrary();
    for (const id of THEME_MOTIFS[occasion[1]]) {
      const motif = lib.motifs.get(id);
      if (motif && !intent.motifs.some((m) => m.motif.id === id) && !intent.excluded.motifs.some((m) => m.id === id)) intent.motifs.push({ motif, words: occasion[1], from: 'theme' });
    }
  }
  if (!layoutSet && intent.count && intent.count <= 4) intent.density = 'sparse';
  if (looks.density) intent.density = looks.density;
  if (looks.frame) intent.layout = 'frame';
  if (intent.layout === 'stripes' && VERTICAL.test(prompt)) intent.vertical = true;
  if (looks.diagonal && (intent.layout === 'stripes' || intent.layout === 'tossed')) intent.layout = 'diagonal';
  if (looks.giant) intent.scale = 'giant';
  if (looks.solo) intent.solo = true;
  intent.motifs = intent.motifs.filter((m) => !intent.excluded.motifs.some((x) => x.id === m.motif.id));
  for (const m of intent.motifs) if (m.colour && colourRuns.has(m.colour)) m.colours = colourRuns.get(m.colour);
  // "flowers, only blue and white": a white or cream among them is the ground when none was named, the rest colour every motif.
  if (looks.onlyColours && intent.motifs.length) {
    const only = looks.onlyColours.map((w) => colourByName(w.toLowerCase())).filter((c): c is NamedColour => !!c);
    const light = only.find((c) => {
      const [L, a, b] = hexToLab(c.hex);
      return L > 88 && Math.hypot(a, b) < 25;
    });
    if (!intent.background && light && only.length > 1) intent.background = light;
    const inks = only.filter((c) => c !== intent.background);
    for (const m of intent.motifs) {
      if (m.colour || !inks.length) continue;
      m.colour = inks.at(-1);
      if (inks.length > 1) m.colours = inks;
    }
  }
  return intent;
}

/** Words to print found without a cue word, and the span of the prompt they came from. */
function bareText(text: string): { content: string; span: string } | undefined {
  const caps = CAPITALS.exec(text);
  if (caps && caps[1].replace(/[^\p{Lu}]/gu, '').length >= 3) return { content: caps[1].trim(), span: caps[1] };
  const dated = DATED.exec(text);
  if (dated) return { content: dated[0].trim(), span: dated[0] };
  const numbered = NAME_NUMBER.exec(text);
  if (numbered && numbered[1].trim().split(/\s+/).some((w) => !knownWord(w))) return { content: numbered[0].trim(), span: numbered[0] };
  for (const m of text.matchAll(TITLE_RUN)) {
    const words = m[1].split(/\s+/).filter((w) => w !== '&');
    // "Christmas Trees" names motifs; a run with a possessive or a word no motif, colour or theme has is words to print.
    if (words.some((w) => /['’]s$/iu.test(w)) || words.some((w) => !knownWord(w))) return { content: m[1].trim(), span: m[1] };
    // "Coffee First with coffee cups": a title-case run that opens the request and is followed by
    // "with" is a slogan, unless it names one motif, a colour and a motif, or only colours.
    if (m.index === text.search(/\S/u) && /^\s+with\s+\S/iu.test(text.slice(m.index + m[1].length)) && !namesOneThing(words)) return { content: m[1].trim(), span: m[1] };
  }
  return undefined;
}

/**
 * Whether title-case words name one motif by its own name, maybe after colours ("Christmas Trees",
 * "Red Roses", "Navy Gold"); a word that is only another motif's keyword ("First") does not count.
 */
function namesOneThing(words: string[]): boolean {
  const lower = words.map((w) => w.toLowerCase().replace(/[!?.]+$/u, ''));
  const byName = (phrase: string) => singulars(phrase).some((f) => !!(GENERIC[f] ?? MOTIF_SYNONYMS[f]) || motifLibrary().index.get(f)?.[0]?.strength === 3);
  for (let i = 0; i <= lower.length; i++) {
    const rest = lower.slice(i).join(' ');
    if (!rest || byName(rest)) return true;
    if (!colourByName(lower[i])) return false;
  }
  return false;
}

/** A word the parser reads as a motif, a colour, a theme, a look or a filler word. */
function knownWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[!?.]+$/u, '');
  return STOP.has(w) || !!lookupMotif(w) || !!colourByName(w) || !!paletteFor(w) || !!THEME_WORDS[w] || w in LAYOUT_WORDS || w in SCALE_WORDS || w in DENSITY_WORDS || w in NUMBERS || NEGATION.has(w) || TEXTURES.some((d) => d.keywords.includes(w));
}

/**
 * Whether tokens[i] is a ground noun that takes the colour before it ("white background", "weißer
 * Hintergrund"). A Romance one followed by a colour takes that colour instead ("ciliegie rosse,
 * sfondo bianco"): the colour before it colours the thing before.
 */
function groundNounOf(tokens: string[], i: number): boolean {
  const w = tokens[i] ?? '';
  return GROUND_NOUNS.has(w) && !(ROMANCE_GROUND_NOUNS.has(w) && !!colourByName(tokens[i + 1] ?? ''));
}

/** A colour name of one or two words at `i` that a ground word follows, or that follows "on"; with the words it spans. */
function namedGround(tokens: string[], i: number, afterOn: boolean): { colour: NamedColour; length: number } | undefined {
  for (const len of [2, 1]) {
    const words = tokens.slice(i, i + len);
    if (words.length < len || words.some((w) => STOP.has(w) || GROUND_NOUNS.has(w))) continue;
    const next = tokens[i + len];
    const before = groundNounOf(tokens, i + len);
    // After "on", only a name that is no subject and ends the prompt or a phrase ("on aubergine, with…").
    if (!before && !(afterOn && (next === undefined || AND_WORDS.has(next) || next === 'with') && !lookupMotif(words.join(' ')) && !singulars(words.join(' ')).some((f) => NO_STAND_IN[f]))) continue;
    const colour = colourByName(words.join(' '));
    if (colour) return { colour, length: len + (before ? 1 : 0) };
  }
  return undefined;
}

const lightnessOf = (hex: Hex) => {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

let paletteThemes: Map<string, string> | undefined;

/** The theme a palette word names ("navidad" is christmas), by the palette it gives. */
function themeOfPalette(word: string): string | undefined {
  if (!paletteThemes) {
    paletteThemes = new Map();
    for (const theme of Object.keys(THEME_MOTIFS)) {
      const p = paletteFor(theme);
      if (p) paletteThemes.set(p.join(), theme);
    }
  }
  const p = paletteFor(word);
  return p ? paletteThemes.get(p.join()) : undefined;
}

/** What to tell a shopper whose subject no motif fairly stands for, with the close motifs to try; undefined when every subject was known. */
export function unknownSubjectMessage(intent: PatternIntent): string | undefined {
  const u = intent.unknown[0];
  if (!u) return undefined;
  const names = u.suggestions.map((m) => m.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return `There is no motif for "${u.words}" yet${list ? `; close ones are ${list}` : ''}. Try one of those, or another subject.`;
}

/** No spaces between CJK words: the run read left to right, longest known name first. */
function segmentCjk(run: string): Motif[] {
  const lib = motifLibrary();
  const out: Motif[] = [];
  for (let s = 0; s < run.length; ) {
    let step = 1;
    for (let len = Math.min(run.length - s, 6); len >= 1; len--) {
      const hit = lib.index.get(run.slice(s, s + len))?.[0];
      if (hit && (len > 1 || !/[\u3040-\u309f]/u.test(run[s]))) { // a lone hiragana is a particle, not a word
        if (!out.includes(hit.motif)) out.push(hit.motif);
        step = len;
        break;
      }
    }
    s += step;
  }
  return out;
}
