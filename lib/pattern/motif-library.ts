// Motifs: Microsoft's Fluent Emoji Flat vectors (MIT, npm @iconify-json/fluent-emoji-flat), one
// per subject (skin-tone variants left out), named in many languages by Unicode CLDR's emoji
// annotations (Unicode-3.0, npm cldr-annotations-full). Loaded once per process.
import fs from 'node:fs';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import { packageRequire } from './package-files';

export const MOTIF_SOURCE = {
  set: 'Fluent Emoji Flat',
  package: '@iconify-json/fluent-emoji-flat',
  licence: 'MIT',
  copyright: 'Copyright (c) Microsoft Corporation',
  names: 'Unicode CLDR emoji annotations (cldr-annotations-full, Unicode-3.0)',
} as const;

/** Languages whose CLDR names and keywords the parser understands. */
export const MOTIF_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'ja', 'zh', 'ko', 'tr', 'sv'] as const;

export interface Motif {
  id: string; // the icon's name, e.g. "sunflower"
  emoji: string; // the character(s) it draws
  name: string; // CLDR's English short name, e.g. "sunflower"
  body: string; // SVG markup for a 0 0 32 32 viewBox
  width: number;
  height: number;
}

export interface MotifEntry {
  motif: Motif;
  /** 3: the motif's own name in some language; 2: a word of that name; 1: a keyword. */
  strength: number;
}

interface Library {
  motifs: Map<string, Motif>;
  /** Lower-case phrase (one to four words, or a CJK string) → motifs it names, best first. */
  index: Map<string, MotifEntry[]>;
  /** English vocabulary, for spelling suggestions. */
  englishWords: string[];
}

const SKIN_TONE = /-(light|medium-light|medium|medium-dark|dark)$/;
// Symbols that are not motifs on a product: letter and word buttons, text-input signs.
const NOT_A_MOTIF = /^(regional-indicator|input-|japanese-.*-button|(a|ab|b|o|cl|cool|free|id|new|ng|ok|sos|up|vs)-button)/;

let cached: Library | undefined;

const require = packageRequire;
const readJson = (spec: string) => JSON.parse(fs.readFileSync(require.resolve(spec), 'utf8'));

function annotations(lang: string): Record<string, { default?: string[]; tts?: string[] }> {
  const file = path.join(path.dirname(require.resolve('cldr-annotations-full/package.json')), 'annotations', lang, 'annotations.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).annotations.annotations;
}

export function motifLibrary(): Library {
  if (cached) return cached;
  const icons = readJson('@iconify-json/fluent-emoji-flat/icons.json') as { icons: Record<string, { body: string; width?: number; height?: number }>; width: number; height: number };
  const chars = readJson('@iconify-json/fluent-emoji-flat/chars.json') as Record<string, string>;
  const emojiOf = new Map<string, string>();
  for (const [cps, name] of Object.entries(chars)) {
    if (!emojiOf.has(name)) emojiOf.set(name, String.fromCodePoint(...cps.split('-').map((h) => parseInt(h, 16))));
  }
  const en = annotations('en');
  const motifs = new Map<string, Motif>();
  for (const [id, icon] of Object.entries(icons.icons)) {
    if (SKIN_TONE.test(id) && icons.icons[id.replace(SKIN_TONE, '')]) continue;
    if (NOT_A_MOTIF.test(id)) continue;
    const emoji = emojiOf.get(id) ?? '';
    const name = en[emoji]?.tts?.[0] ?? en[emoji.replace(/\uFE0F/g, '')]?.tts?.[0] ?? id.replace(/-/g, ' ');
    motifs.set(id, { id, emoji, name, body: icon.body, width: icon.width ?? icons.width, height: icon.height ?? icons.height });
  }
  // Fluent's rainbow is a quarter arc in a corner, which reads as a clipped piece in a repeat: new
  // designs draw the whole arch, the quarter and its mirror side by side (stored designs keep "rainbow").
  const rainbow = motifs.get('rainbow');
  if (rainbow) motifs.set(REDRAWN.rainbow, { ...rainbow, id: REDRAWN.rainbow, emoji: '', name: 'rainbow arch', body: `<g transform="translate(-2 -2)">${rainbow.body}<g transform="translate(60 0) scale(-1 1)">${rainbow.body}</g></g>`, width: 56, height: 28 });
  const index = new Map<string, MotifEntry[]>();
  const add = (phrase: string, motif: Motif, strength: number) => {
    const key = phrase.toLowerCase().normalize('NFKC').replace(/ё/g, 'е').trim();
    if (!key) return;
    const list = index.get(key) ?? [];
    const have = list.find((e) => e.motif === motif);
    if (have) have.strength = Math.max(have.strength, strength);
    else list.push({ motif, strength });
    index.set(key, list);
  };
  const byEmoji = new Map<string, Motif>();
  for (const m of motifs.values()) if (m.emoji) byEmoji.set(m.emoji.replace(/\uFE0F/g, ''), m);
  for (const lang of MOTIF_LANGUAGES) {
    const stemWords: StemEntry[] | undefined = STEM_LANGUAGES[lang] ? [] : undefined;
    if (stemWords) stemSource.set(lang, stemWords);
    for (const [emoji, a] of Object.entries(annotations(lang))) {
      const m = byEmoji.get(emoji.replace(/\uFE0F/g, ''));
      if (!m) continue;
      // For stemming later: 3, the motif's whole one-word name ("gato"); 2, a word of its name; 1, a one-word keyword.
      if (stemWords) for (const tts of a.tts ?? []) for (const w of tts.split(/[\s:,]+/)) stemWords.push({ word: w.toLowerCase().replace(/ё/g, 'е'), motif: m, strength: w === tts ? 3 : 2 });
      if (stemWords) for (const k of a.default ?? []) if (!/\s/.test(k)) stemWords.push({ word: k.toLowerCase().replace(/ё/g, 'е'), motif: m, strength: 1 });
      for (const tts of a.tts ?? []) {
        add(tts, m, 3);
        for (const w of tts.split(/[\s:,]+/)) if (w.length > 2) add(w, m, 2);
      }
      for (const k of a.default ?? []) add(k, m, 1);
    }
  }
  for (const m of motifs.values()) add(m.id.replace(/-/g, ' '), m, 3);
  // Best first: stronger naming, then the shorter (more basic) name, then id for a stable order.
  for (const list of index.values()) list.sort((a, b) => b.strength - a.strength || a.motif.name.length - b.motif.name.length || a.motif.id.localeCompare(b.motif.id));
  const englishWords = [...new Set([...index.keys()].filter((k) => /^[a-z][a-z-]+$/.test(k)))];
  cached = { motifs, index, englishWords };
  return cached;
}

/** Motifs new designs draw in a redrawn form: the library motif's id → the redrawn one's. */
export const REDRAWN = { rainbow: 'rainbow-arch' } as const;

export function motifById(id: string): Motif | undefined {
  return motifLibrary().motifs.get(id);
}

/** A motif as a standalone SVG document (thumbnails); undefined for an unknown id. */
export function motifSvg(id: string): string | undefined {
  const m = /^[a-z0-9-]{1,64}$/.test(id) ? motifById(id) : undefined;
  return m && `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 ${m.width} ${m.height}">${m.body}</svg>`;
}

// Inflections and diminutives ("лисички", "gatitos", "Kätzchen"): Snowball stems (snowball-stemmers,
// ISC) of a language's CLDR words, matched against the same language's stem of a prompt word,
// with the diminutive suffixes each language adds before its endings.
const STEM_LANGUAGES: Partial<Record<(typeof MOTIF_LANGUAGES)[number], string>> = { es: 'spanish', fr: 'french', de: 'german', it: 'italian', pt: 'portuguese', nl: 'dutch', ru: 'russian' };
const DIMINUTIVES: Partial<Record<string, string[]>> = {
  es: ['ecit', 'cit', 'it', 'ill'],
  it: ['ettin', 'in', 'ett', 'ell'],
  pt: ['zinh', 'inh', 'it'],
  de: ['ch', 'lein'],
  nl: ['etjes', 'tjes', 'jes', 'etj', 'tj', 'j'],
  // "цветочки": -очк- stands for the noun's -ок (цветок), not an ending of цвет.
  ru: ['очк>ок', 'ечк>ек', 'ечк', 'ичк', 'очк', 'еньк', 'оньк', 'ушк', 'юшк', 'ышк', 'чик', 'ик', 'ок', 'ек', 'к'],
};
const CYRILLIC = /[\u0400-\u04ff]/u;

type StemEntry = MotifEntry & { word: string };
const stemSource = new Map<string, StemEntry[]>(); // per stemmed language, its CLDR words, filled with the library
const fold = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''); // stems drop accents and umlauts too

interface StemLanguage {
  lang: string;
  stemmer: { stem(w: string): string };
  /** The language's CLDR words by their first three accent-folded letters: a stem's words begin with it. */
  words: Map<string, (StemEntry & { key: string })[]>;
  /** Accent-folded stems of the words stemmed so far. */
  stemOf: Map<string, string>;
}
let stemLanguages: StemLanguage[] | undefined;

function stemmedLanguages(): StemLanguage[] {
  if (stemLanguages) return stemLanguages;
  motifLibrary();
  stemLanguages = Object.entries(STEM_LANGUAGES).map(([lang, algorithm]) => {
    // One entry per word, the best motif it names (a keyword like "animal" names hundreds).
    const best = new Map<string, StemEntry>();
    for (const e of stemSource.get(lang) ?? []) if (betterStem(e, best.get(e.word))) best.set(e.word, e);
    const words = new Map<string, (StemEntry & { key: string })[]>();
    for (const e of best.values()) {
      const key = fold(e.word);
      const bucket = words.get(key.slice(0, 3));
      if (bucket) bucket.push({ ...e, key });
      else words.set(key.slice(0, 3), [{ ...e, key }]);
    }
    return { lang, stemmer: snowball.newStemmer(algorithm), words, stemOf: new Map() };
  });
  return stemLanguages;
}

// Stronger naming first; ties go to the older emoji (the lower code point), the more basic subject: "лес" is the evergreen tree, not the log.
const betterStem = (e: StemEntry, than: StemEntry | undefined) => !than || e.strength > than.strength || (e.strength === than.strength && e.motif.emoji.codePointAt(0)! < than.motif.emoji.codePointAt(0)!);

/** The best CLDR word of a language whose stem is `stem`: only words that begin with it are stemmed. */
function wordWithStem(l: StemLanguage, stem: string): StemEntry | undefined {
  const prefix = fold(stem);
  let best: StemEntry | undefined;
  for (const e of l.words.get(prefix.slice(0, 3)) ?? []) {
    if (!e.key.startsWith(prefix)) continue;
    let s = l.stemOf.get(e.word);
    if (s === undefined) l.stemOf.set(e.word, (s = fold(l.stemmer.stem(e.word))));
    if (s !== prefix) continue;
    if (betterStem(e, best)) best = e;
  }
  return best;
}

/** The CLDR word (and its motif) that an inflected or diminutive word stands for in one of the stemmed languages, if any. */
export function motifByStem(word: string): { motif: Motif; word: string } | undefined {
  if (word.length < 4) return undefined;
  const cyrillic = CYRILLIC.test(word);
  let best: StemEntry | undefined;
  for (const l of stemmedLanguages()) {
    if ((l.lang === 'ru') !== cyrillic) continue;
    const stem = l.stemmer.stem(word);
    const tries = [stem];
    for (const rule of DIMINUTIVES[l.lang] ?? []) {
      const [suf, base = ''] = rule.split('>');
      if (stem.endsWith(suf) && stem.length - suf.length >= 3) tries.push(stem.slice(0, -suf.length) + base);
    }
    // The word's base noun beats a compound that uses the diminutive ("perritos" are dogs, not "perrito caliente").
    for (const t of tries) {
      const hit = t.length >= 3 ? wordWithStem(l, t) : undefined;
      if (hit && (!best || hit.strength >= best.strength)) best = hit;
    }
  }
  return best && { motif: best.motif, word: best.word };
}
