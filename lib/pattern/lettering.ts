// Lettering: names and short phrases drawn as SVG path outlines from bundled OFL fonts (npm
// @expo-google-fonts/*, which ship TTF). Paths, never <text>: print renderers (librsvg, sharp)
// cannot load bundled fonts and would substitute a system font. Outlines come from opentype.js;
// fonts are parsed lazily, once per process, from node_modules.
import fs from 'node:fs';
import { packageRequire } from './package-files';
import type { FontDef } from './types';

/** The part of opentype.js used here. */
interface OtCommand {
  type: 'M' | 'L' | 'C' | 'Q' | 'Z';
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}
interface OtFont {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  names: Record<string, Record<string, Record<string, string>> | undefined>;
  hasChar(c: string): boolean;
  charToGlyph(c: string): OtGlyph;
  getKerningValue(left: OtGlyph, right: OtGlyph): number;
  getPath(text: string, x: number, y: number, size: number): { commands: OtCommand[] };
  getAdvanceWidth(text: string, size: number): number;
}
interface OtGlyph {
  index: number;
  advanceWidth?: number;
  getPath(x: number, y: number, size: number): { commands: OtCommand[] };
}
interface Opentype {
  parse(buffer: ArrayBuffer): OtFont;
}
// Loaded through require: the package has no type declarations for 2.x, and its CommonJS build
// is the same code for Node, tsx and vitest.
const require = packageRequire;
const opentype = require('opentype.js') as Opentype;

const PKG_VERSIONS: Record<string, string> = {
  pacifico: '0.4.1',
  'dancing-script': '0.4.2',
  'great-vibes': '0.4.1',
  lobster: '0.4.1',
  shrikhand: '0.4.1',
  righteous: '0.4.1',
  monoton: '0.4.1',
  'bebas-neue': '0.4.1',
  bungee: '0.4.1',
  caveat: '0.4.2',
  'indie-flower': '0.4.1',
  'playfair-display': '0.4.2',
  'abril-fatface': '0.4.1',
  montserrat: '0.4.2',
  'courier-prime': '0.4.1',
  'noto-sans': '0.4.2',
};

// Order matters: among fonts that match a shopper's words equally, the earlier one wins, so
// the first font of each style is that style's default. Keywords are lower case, as a shopper
// types them (accents kept), in English, Spanish, French, German, Italian, Portuguese, Dutch
// and Russian where the word differs.
export const FONTS: FontDef[] = [
  {
    id: 'pacifico',
    family: 'Pacifico',
    style: 'script',
    keywords: ['script', 'cursive', 'brush', 'casual', 'friendly', 'surfer', '50s', '60s', 'pacifico', 'cursiva', 'schreibschrift', 'corsivo', 'schrijfletters', 'прописью', 'курсив'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/pacifico/400Regular/Pacifico_400Regular.ttf',
  },
  {
    id: 'dancing-script',
    family: 'Dancing Script',
    style: 'script',
    keywords: ['script', 'cursive', 'signature', 'flowing', 'bouncy', 'lively', 'handwriting', 'cursiva', 'schreibschrift', 'corsivo', 'manuscrito'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/dancing-script/700Bold/DancingScript_700Bold.ttf',
  },
  {
    id: 'great-vibes',
    family: 'Great Vibes',
    style: 'script',
    keywords: ['script', 'cursive', 'elegant', 'calligraphy', 'calligraphic', 'formal', 'fancy', 'romantic', 'swirly', 'invitation', 'luxury', 'wedding', 'elegante', 'élégant', 'élégante', 'caligrafía', 'calligraphie', 'kalligrafie', 'calligrafia', 'caligrafia', 'romántico', 'romantique', 'romantisch', 'romantico', 'элегантный', 'каллиграфия'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/great-vibes/400Regular/GreatVibes_400Regular.ttf',
  },
  {
    id: 'lobster',
    family: 'Lobster',
    style: 'retro',
    keywords: ['retro', 'vintage', 'diner', 'signpainter', '50s', '60s', 'fifties', 'sixties', 'script', 'lobster', 'rétro', 'ретро', 'винтаж', 'винтажный'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/lobster/400Regular/Lobster_400Regular.ttf',
  },
  {
    id: 'shrikhand',
    family: 'Shrikhand',
    style: 'retro',
    keywords: ['retro', '70s', 'seventies', 'groovy', 'funky', 'hippie', 'bubble', 'rétro', 'años70', 'siebziger', 'ретро'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/shrikhand/400Regular/Shrikhand_400Regular.ttf',
  },
  {
    id: 'righteous',
    family: 'Righteous',
    style: 'retro',
    keywords: ['retro', 'deco', 'art-deco', 'streamline', 'futuristic', 'space-age', 'arcade', 'rétro', 'futurista', 'futuriste', 'futuristisch'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/righteous/400Regular/Righteous_400Regular.ttf',
  },
  {
    id: 'monoton',
    family: 'Monoton',
    style: 'retro',
    keywords: ['80s', 'eighties', 'disco', 'synthwave', 'achtziger', 'années80', 'monoton'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/monoton/400Regular/Monoton_400Regular.ttf',
  },
  {
    id: 'bebas-neue',
    family: 'Bebas Neue',
    style: 'display',
    keywords: ['bold', 'tall', 'condensed', 'headline', 'uppercase', 'sporty', 'athletic', 'mayúsculas', 'majuscules', 'großbuchstaben', 'bebas'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/bebas-neue/400Regular/BebasNeue_400Regular.ttf',
  },
  {
    id: 'bungee',
    family: 'Bungee',
    style: 'display',
    keywords: ['bold', 'chunky', 'blocky', 'block', 'urban', 'signage', 'varsity', 'college', 'collegiate', 'athletic', 'negrita', 'fett', 'grassetto', 'negrito', 'жирный', 'bungee'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/bungee/400Regular/Bungee_400Regular.ttf',
  },
  {
    id: 'caveat',
    family: 'Caveat',
    style: 'handwritten',
    keywords: ['handwritten', 'handwriting', 'hand-lettered', 'handlettered', 'marker', 'casual', 'manuscrita', 'manuscrito', 'manuscrite', 'handschrift', 'handschriftlich', 'handgeschrieben', 'рукописный', 'caveat'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/caveat/700Bold/Caveat_700Bold.ttf',
  },
  {
    id: 'indie-flower',
    family: 'Indie Flower',
    style: 'handwritten',
    keywords: ['playful', 'fun', 'childlike', 'doodle', 'bubbly', 'whimsical', 'handwritten', 'divertido', 'divertida', 'ludique', 'amusant', 'verspielt', 'lustig', 'giocoso', 'divertente', 'speels', 'игривый', 'детский'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/indie-flower/400Regular/IndieFlower_400Regular.ttf',
  },
  {
    id: 'playfair-display',
    family: 'Playfair Display',
    style: 'serif',
    keywords: ['serif', 'elegant', 'classic', 'editorial', 'fashion', 'sophisticated', 'timeless', 'clásico', 'classique', 'klassisch', 'classico', 'clássico', 'klassiek', 'классический', 'playfair'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/playfair-display/700Bold/PlayfairDisplay_700Bold.ttf',
  },
  {
    id: 'abril-fatface',
    family: 'Abril Fatface',
    style: 'serif',
    keywords: ['fatface', 'didone', 'vintage', '70s', 'bold', 'serif', 'abril'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/abril-fatface/400Regular/AbrilFatface_400Regular.ttf',
  },
  {
    id: 'montserrat',
    family: 'Montserrat',
    style: 'sans',
    keywords: ['sans', 'sans-serif', 'modern', 'clean', 'minimal', 'minimalist', 'geometric', 'moderno', 'moderne', 'minimalista', 'minimaliste', 'schlicht', 'современный', 'montserrat'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/montserrat/700Bold/Montserrat_700Bold.ttf',
  },
  {
    id: 'courier-prime',
    family: 'Courier Prime',
    style: 'monospace',
    keywords: ['typewriter', 'typewritten', 'mono', 'monospace', 'monospaced', 'courier', 'máquina', 'schreibmaschine', 'macchina', 'typemachine', 'машинка'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/courier-prime/400Regular/CourierPrime_400Regular.ttf',
  },
  {
    // Last of the list on purpose: the widest coverage (Latin, Greek, Cyrillic, Vietnamese),
    // the fallback of last resort.
    id: 'noto-sans',
    family: 'Noto Sans',
    style: 'sans',
    keywords: ['noto', 'greek', 'griego', 'grec', 'griechisch', 'greco', 'grego'],
    licence: 'OFL-1.1',
    package: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
];

export interface FontLicence {
  font: string;
  licence: 'OFL-1.1';
  licenceUrl: string;
  package: string; // npm package@version
  copyright: string;
}

const COPYRIGHT: Record<string, string> = {
  pacifico: 'Copyright 2018 The Pacifico Project Authors (https://github.com/googlefonts/Pacifico)',
  'dancing-script': "Copyright 2016 The Dancing Script Project Authors (https://github.com/googlefonts/DancingScript), with Reserved Font Name 'Dancing Script'.",
  'great-vibes': 'Copyright 2015 The Great Vibes Pro Project Authors (https://github.com/googlefonts/great-vibes)',
  lobster: 'Copyright 2010 The Lobster Project Authors (https://github.com/impallari/The-Lobster-Font), with Reserved Font Name "Lobster".',
  shrikhand: 'Copyright (c) 2015 Jonny Pinhorn (jonpinhorn.typedesign@gmail.com)',
  righteous: 'Copyright (c) 2011 by Brian J. Bonislawsky DBA Astigmatic (AOETI) (astigma@astigmatic.com), with Reserved Font Names "Righteous"',
  monoton: 'Copyright (c) 2011 by vernon adams (vern@newtypography.co.uk), with Reserved Font Names "Monoton"',
  'bebas-neue': 'Copyright © 2010 by Dharma Type.',
  bungee: 'Copyright 2023 The Bungee Project Authors (https://github.com/djrrb/Bungee)',
  caveat: 'Copyright 2014 The Caveat Project Authors (https://github.com/googlefonts/caveat)',
  'indie-flower': 'Copyright 2010 The Indie Flower Authors (kimberlygeswein.com)',
  'playfair-display': 'Copyright 2017 The Playfair Display Project Authors (https://github.com/clauseggers/Playfair-Display), with Reserved Font Name "Playfair Display"',
  'abril-fatface': 'Copyright (c) 2011, TypeTogether (www.type-together.com), with Reserved Font Names "Abril" and "Abril Fatface"',
  montserrat: 'Copyright 2024 The Montserrat.Git Project Authors (https://github.com/JulietaUla/Montserrat.git)',
  'courier-prime': 'Copyright 2015 The Courier Prime Project Authors (https://github.com/quoteunquoteapps/CourierPrime).',
  'noto-sans': 'Copyright 2022 The Noto Project Authors (https://github.com/notofonts/latin-greek-cyrillic)',
};

/** One row per bundled font, for the attributions page (the OFL asks that the copyright and licence travel with the font). */
export const FONT_LICENCES: FontLicence[] = FONTS.map((f) => ({
  font: f.family,
  licence: 'OFL-1.1',
  licenceUrl: 'https://openfontlicense.org/open-font-license-official-text/',
  package: `@expo-google-fonts/${f.id}@${PKG_VERSIONS[f.id]}`,
  copyright: COPYRIGHT[f.id],
}));

// ---------------------------------------------------------------------------------------------
// Choosing a font from a shopper's style words

const STYLE_WORDS: Record<string, FontDef['style']> = {
  script: 'script', cursive: 'script', calligraphy: 'script', cursiva: 'script', schreibschrift: 'script', corsivo: 'script', курсив: 'script', прописью: 'script',
  retro: 'retro', rétro: 'retro', vintage: 'retro', '50s': 'retro', '60s': 'retro', '70s': 'retro', '80s': 'retro', groovy: 'retro', ретро: 'retro', винтаж: 'retro', винтажный: 'retro',
  display: 'display', poster: 'display', headline: 'display',
  serif: 'serif', classic: 'serif',
  sans: 'sans', 'sans-serif': 'sans', modern: 'sans', minimal: 'sans',
  handwritten: 'handwritten', handwriting: 'handwritten', manuscrita: 'handwritten', manuscrite: 'handwritten', handschrift: 'handwritten', рукописный: 'handwritten',
  typewriter: 'monospace', monospace: 'monospace', mono: 'monospace', schreibmaschine: 'monospace',
};

const DECADE_NAMES: Record<string, string> = {
  fifties: '50s', sixties: '60s', seventies: '70s', eighties: '80s', cincuenta: '50s', sesenta: '60s', setenta: '70s', ochenta: '80s',
  fünfziger: '50s', sechziger: '60s', siebziger: '70s', achtziger: '80s', cinquanta: '50s', sessanta: '60s', settanta: '70s', ottanta: '80s',
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A word as compared: lower case, accents folded, "70's" / "1970s" / "70er" → "70s". */
function normaliseWord(w: string): string {
  let s = fold(w.toLowerCase().normalize('NFC')).replace(/[’']/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const decade = /^(?:19)?([5-9]0)(?:s|er|ies|ties|x|е|-е|х|-х)?$/.exec(s);
  if (decade) s = `${decade[1]}s`;
  return DECADE_NAMES[s] ?? s;
}

const keywordIndex = new Map<string, Set<string>>(); // normalised word → font ids
for (const f of FONTS) {
  for (const k of f.keywords) {
    const n = normaliseWord(k);
    if (!keywordIndex.has(n)) keywordIndex.set(n, new Set());
    keywordIndex.get(n)!.add(f.id);
  }
}
const styleIndex = new Map(Object.entries(STYLE_WORDS).map(([w, s]) => [normaliseWord(w), s]));

/**
 * The bundled font that best fits a shopper's style words. A word naming a style (script,
 * retro, serif…) counts twice for fonts of that style; every keyword match counts once; ties go
 * to the earlier font. No matching word: Pacifico, a friendly script that suits names.
 */
export function pickFont(styleWords: string[]): FontDef {
  const words = styleWords.flatMap((w) => w.split(/[\s,]+/)).map(normaliseWord).filter(Boolean);
  // "années 70", "art deco", "hand lettered": try adjacent pairs as one word as well.
  for (let i = 0; i + 1 < styleWords.length; i++) {
    const pair = normaliseWord(`${styleWords[i]}-${styleWords[i + 1]}`);
    if (keywordIndex.has(pair)) words.push(pair);
    const joined = normaliseWord(`${styleWords[i]}${styleWords[i + 1]}`);
    if (keywordIndex.has(joined)) words.push(joined);
  }
  let best = FONTS[0];
  let bestScore = 0;
  for (const f of FONTS) {
    let score = 0;
    for (const w of words) {
      if (keywordIndex.get(w)?.has(f.id)) score += 1;
      if (styleIndex.get(w) === f.style) score += 2;
    }
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Loading fonts

const loaded = new Map<string, OtFont>();

function fontDef(id: string): FontDef {
  const def = FONTS.find((f) => f.id === id);
  if (!def) throw new LetteringError(`Unknown font "${id}"; bundled fonts: ${FONTS.map((f) => f.id).join(', ')}`, []);
  return def;
}

function loadFont(id: string): OtFont {
  let font = loaded.get(id);
  if (!font) {
    const file = require.resolve(fontDef(id).package);
    const buf = fs.readFileSync(file);
    font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    loaded.set(id, font);
  }
  return font;
}

/** What the font file itself says: its family name (to check the file is the named font) and vertical metrics. */
export function fontInfo(id: string): { family: string; unitsPerEm: number; ascender: number; descender: number } {
  const font = loadFont(id);
  const names = font.names;
  const table = names.windows ?? names.unicode ?? names.macintosh ?? (names as unknown as Record<string, Record<string, string>>);
  const family = table.preferredFamily?.en ?? table.fontFamily?.en ?? '';
  return { family, unitsPerEm: font.unitsPerEm, ascender: font.ascender, descender: font.descender };
}

/** Whether a bundled font draws every character of `text` (spaces aside). */
export function fontCovers(id: string, text: string): boolean {
  const font = loadFont(id);
  return [...prepare(text)].every((c) => c === ' ' || font.hasChar(c));
}

// ---------------------------------------------------------------------------------------------
// Text to paths

export class LetteringError extends Error {
  constructor(
    message: string,
    /** Characters no bundled font draws. */
    readonly characters: string[],
  ) {
    super(message);
    this.name = 'LetteringError';
  }
}

export interface Lettering {
  /** SVG path data, y down, in a box from (0, 0) to (width, height); fill it, nonzero. */
  d: string;
  /** Box width: the advance width, widened where ink overhangs it (swashes). */
  width: number;
  /** Box height: the font's ascender to descender, taller where ink goes beyond them. */
  height: number;
  /** y of the baseline in the box. */
  baseline: number;
  /** The string's advance width at this size (where the next word would start). */
  advance: number;
  /** The ink's own bounds inside the box. */
  ink: { x: number; y: number; width: number; height: number };
  /** The font drawn: the one asked for unless it lacks characters of the text (see `fallback`). */
  fontId: string;
  /** Set when another font drew some or all of the text, with the characters that caused it. */
  fallback?: { from: string; characters: string[] };
}

// Fonts to try, in order, when the asked-for one lacks characters: first its own style, then the
// nearest styles, then any, Noto Sans last (it covers Latin, Greek, Cyrillic and Vietnamese).
const NEAR_STYLES: Record<FontDef['style'], FontDef['style'][]> = {
  script: ['script', 'retro', 'handwritten', 'serif', 'display', 'sans', 'monospace'],
  retro: ['retro', 'script', 'display', 'serif', 'sans', 'handwritten', 'monospace'],
  display: ['display', 'sans', 'retro', 'serif', 'script', 'handwritten', 'monospace'],
  serif: ['serif', 'sans', 'display', 'script', 'retro', 'handwritten', 'monospace'],
  sans: ['sans', 'display', 'serif', 'retro', 'script', 'handwritten', 'monospace'],
  handwritten: ['handwritten', 'script', 'retro', 'sans', 'display', 'serif', 'monospace'],
  monospace: ['monospace', 'sans', 'serif', 'display', 'retro', 'script', 'handwritten'],
};

// Geometric display faces look closer to a bold sans than to the retro scripts.
const NEAREST: Record<string, string[]> = { righteous: ['montserrat'], monoton: ['montserrat'] };

function fallbackOrder(id: string): string[] {
  const own = fontDef(id);
  const order = [id, ...(NEAREST[id] ?? [])];
  for (const style of NEAR_STYLES[own.style]) for (const f of FONTS) if (f.style === style && !order.includes(f.id)) order.push(f.id);
  return order;
}

/** NFC (so "e" + combining diaeresis draws as "ë"), whitespace collapsed, variation selectors and zero-width joiners dropped. */
function prepare(text: string): string {
  return text.normalize('NFC').replace(/[\uFE00-\uFE0F\u200B-\u200D\u2060]/g, '').replace(/\s+/g, ' ').trim();
}

// opentype.js throws on some substitution lookup formats (e.g. Great Vibes' contextual ccmp);
// such text is laid out glyph by glyph with kerning instead. Decided per call, never remembered,
// so the same text in the same font always gives the same path.
function layRun(font: OtFont, text: string, x: number, size: number): { commands: OtCommand[]; advance: number } {
  try {
    return { commands: font.getPath(text, x, 0, size).commands, advance: font.getAdvanceWidth(text, size) };
  } catch {
    // fall through to the plain layout
  }
  const scale = size / font.unitsPerEm;
  const glyphs = [...text].map((c) => font.charToGlyph(c));
  const commands: OtCommand[] = [];
  let pen = x;
  glyphs.forEach((g, i) => {
    commands.push(...g.getPath(pen, 0, size).commands);
    pen += (g.advanceWidth ?? 0) * scale;
    if (i + 1 < glyphs.length) pen += font.getKerningValue(g, glyphs[i + 1]) * scale;
  });
  return { commands, advance: pen - x };
}

const num = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * The whole string as one path at `size` user units per em. The asked-for font draws it when it
 * has every character; otherwise the nearest bundled font that has them all does (so a name is
 * never a patchwork of fonts when one font can draw it), and failing that each character missing
 * from the asked-for font comes from the nearest font that has it. Characters that no bundled
 * font draws raise a LetteringError naming them.
 */
export function letteringPath(text: string, fontId: string, opts: { size: number }): Lettering {
  const size = opts.size;
  if (!(size > 0) || !Number.isFinite(size)) throw new RangeError(`Lettering size must be a positive number, got ${size}`);
  const s = prepare(text);
  if (!s) throw new LetteringError('Nothing to letter: the text is empty', []);
  const order = fallbackOrder(fontId);
  const chars = [...s];
  const missingFrom = (id: string) => {
    const font = loadFont(id);
    return [...new Set(chars.filter((c) => c !== ' ' && !font.hasChar(c)))];
  };

  const missing = missingFrom(fontId);
  // Runs of consecutive characters drawn by the same font.
  let runs: { fontId: string; text: string }[];
  let used = fontId;
  if (!missing.length) runs = [{ fontId, text: s }];
  else {
    const whole = order.slice(1).find((id) => missingFrom(id).length === 0);
    if (whole) {
      runs = [{ fontId: whole, text: s }];
      used = whole;
    } else {
      const nowhere = missing.filter((c) => !order.some((id) => loadFont(id).hasChar(c)));
      if (nowhere.length) {
        const list = nowhere.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
        throw new LetteringError(`No bundled font can draw ${list} in "${s}"`, nowhere);
      }
      runs = [];
      for (const c of chars) {
        const id = c === ' ' || loadFont(fontId).hasChar(c) ? fontId : order.find((o) => loadFont(o).hasChar(c))!;
        const last = runs[runs.length - 1];
        if (last && last.fontId === id) last.text += c;
        else runs.push({ fontId: id, text: c });
      }
    }
  }

  // Lay the runs on a baseline at y = 0, then move everything into a box whose top-left is 0,0.
  const commands: OtCommand[] = [];
  let x = 0;
  let ascent = 0;
  let descent = 0;
  for (const run of runs) {
    const font = loadFont(run.fontId);
    const scale = size / font.unitsPerEm;
    ascent = Math.max(ascent, font.ascender * scale);
    descent = Math.max(descent, -font.descender * scale);
    const laid = layRun(font, run.text, x, size);
    commands.push(...laid.commands);
    x += laid.advance;
  }
  const advance = x;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // Control points bound the curve, so this box holds all the ink (sometimes a little more).
  for (const c of commands) {
    for (const [px, py] of [[c.x, c.y], [c.x1, c.y1], [c.x2, c.y2]] as const) {
      if (px === undefined || py === undefined) continue;
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
  }
  if (minX === Infinity) minX = minY = maxX = maxY = 0; // only spaces
  const left = Math.min(0, Math.floor(minX));
  const top = Math.min(-ascent, Math.floor(minY));
  const right = Math.max(advance, Math.ceil(maxX));
  const bottom = Math.max(descent, Math.ceil(maxY));
  const dx = -left;
  const dy = -top;

  let d = '';
  for (const c of commands) {
    if (c.type === 'Z') d += 'Z';
    else if (c.type === 'M' || c.type === 'L') d += `${c.type}${num(c.x! + dx)} ${num(c.y! + dy)}`;
    else if (c.type === 'Q') d += `Q${num(c.x1! + dx)} ${num(c.y1! + dy)} ${num(c.x! + dx)} ${num(c.y! + dy)}`;
    else d += `C${num(c.x1! + dx)} ${num(c.y1! + dy)} ${num(c.x2! + dx)} ${num(c.y2! + dy)} ${num(c.x! + dx)} ${num(c.y! + dy)}`;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  const result: Lettering = {
    d,
    width: round(right - left),
    height: round(bottom - top),
    baseline: round(dy),
    advance: round(advance),
    ink: { x: round(minX + dx), y: round(minY + dy), width: round(maxX - minX), height: round(maxY - minY) },
    fontId: used,
  };
  if (missing.length) result.fallback = { from: fontId, characters: missing };
  return result;
}
