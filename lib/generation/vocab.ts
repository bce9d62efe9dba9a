// The model's vocabulary and the prompt parser. The embedded model is conditioned on 5 role
// slots (["motif","motif_color","background","layout","scale"], id 0 = null), not on free text,
// so the parser decides which role each recognised phrase fills. It mirrors the reference
// parser `parse()` in models/make_vocab.py exactly (same ids for every prompt; the tests check
// this on vocab.json's examples and all of eval_prompts.json):
//   - normalise: lowercase, "&" -> "and", drop chars outside [a-z0-9' -], drop "'s" and "'";
//   - longest phrase first (maxPhraseWords), "half-drop" == "half drop"; kind priority
//     scale > layout > color > motif;
//   - a colour right after on/over/against/background/backdrop -> background;
//     right before background/backdrop/ground/base -> background;
//     right before a motif or "on" -> motif colour;
//     otherwise it waits: first free of motif colour, then background (only if there is no "on");
//   - first motif/layout/scale wins; artwork motifs (emoji) ignore the motif colour.
// On top of the reference, the parser reports what it could not use (ignoredWords).

export type Role = 'motif' | 'motif_color' | 'background' | 'layout' | 'scale';
export const ROLES: Role[] = ['motif', 'motif_color', 'background', 'layout', 'scale'];
type Kind = 'color' | 'motif' | 'layout' | 'scale';
const KIND_ORDER: Kind[] = ['scale', 'layout', 'color', 'motif'];

export interface Vocab {
  roles: Role[];
  /** word lists without the null entry: word i -> id i+1 */
  words: Record<Role, string[]>;
  lexicon: Record<Kind, Record<string, string>>;
  markers: { backgroundAfter: string[]; backgroundBefore: string[]; motifColorBefore: string[] };
  artwork: Set<string>;
  artworkIgnoresMotifColor: boolean;
  maxPhraseWords: number;
  examples: { prompt: string; ids: number[] }[];
}

export interface RoleValue {
  id: number;
  word: string;
  /** the prompt text that produced it */
  text: string;
}

export interface ParsedPrompt {
  tokens: number[];
  ignoredWords: string[];
  roles: Record<Role, RoleValue | null>;
}

// Filler that is not worth reporting as "ignored".
const STOP = new Set(
  "a an the of with and in at to for my our some lots lot many few pattern patterns print prints printed design designs tile tiles seamless repeat repeating repeated texture fabric wallpaper style cute nice pretty lovely simple cool fun kind sort please make me i want like by from it is are coloured colored color colour colors colours tone toned shade shades layout scale size sized".split(' '),
);

/** Loads vocab.json (format seedprint-role-vocab/1). */
export function loadVocab(json: unknown): Vocab {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- vocab.json, checked field by field below
  const j = json as Record<string, any>;
  const roles = (j.roles ?? ROLES) as Role[];
  if (roles.join() !== ROLES.join()) throw new Error(`vocab.json: roles ${roles.join(',')} differ from ${ROLES.join(',')}`);
  if (!j.lexicon || !j.words) throw new Error('vocab.json: expected "words" and "lexicon" (format seedprint-role-vocab/1)');
  const words = {} as Record<Role, string[]>;
  for (const r of ROLES) {
    const l = j.words[r] as string[];
    if (!Array.isArray(l)) throw new Error(`vocab.json: no word list for role ${r}`);
    words[r] = l[0] === '<null>' || l[0] === '' || l[0] === null ? l.slice(1) : l;
  }
  const lexicon = {} as Record<Kind, Record<string, string>>;
  for (const k of KIND_ORDER) lexicon[k] = j.lexicon[k] ?? {};
  const m = j.markers ?? {};
  const maxPhraseWords = Number(j.maxPhraseWords ?? Math.max(...KIND_ORDER.flatMap((k) => Object.keys(lexicon[k]).map((p) => p.split(' ').length))));
  return {
    roles: ROLES,
    words,
    lexicon,
    markers: {
      backgroundAfter: m.backgroundAfter ?? ['on', 'over', 'against', 'background', 'backdrop'],
      backgroundBefore: m.backgroundBefore ?? ['background', 'backdrop', 'ground', 'base'],
      motifColorBefore: m.motifColorBefore ?? ['on'],
    },
    artwork: new Set(j.artworkMotifs ?? []),
    artworkIgnoresMotifColor: j.artworkIgnoresMotifColor !== false,
    maxPhraseWords,
    examples: j.examples ?? [],
  };
}

export function tokenize(prompt: string): string[] {
  return prompt
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9' -]/g, ' ')
    .replace(/'s/g, '')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

type Item = { kind: Kind; word: string; text: string } | { kind: 'mark' | 'other'; word: string; text: string };

export class PromptParser {
  private marks: Set<string>;
  /** every surface form, for autocomplete */
  readonly forms: { text: string; kind: Kind; word: string }[] = [];

  constructor(readonly vocab: Vocab) {
    const v = vocab.markers;
    this.marks = new Set([...v.backgroundAfter, ...v.backgroundBefore, ...v.motifColorBefore]);
    for (const kind of KIND_ORDER) for (const [text, word] of Object.entries(vocab.lexicon[kind])) this.forms.push({ text, kind, word });
  }

  private lookup(phrase: string): { kind: Kind; word: string } | null {
    for (const cand of [phrase, phrase.replace(/-/g, ' ')]) {
      for (const kind of KIND_ORDER) {
        const w = this.vocab.lexicon[kind][cand];
        if (w !== undefined) return { kind, word: w };
      }
    }
    return null;
  }

  parse(prompt: string): ParsedPrompt {
    const toks = tokenize(prompt);
    const items: Item[] = [];
    for (let i = 0; i < toks.length; ) {
      let hit: (Item & { n: number }) | null = null;
      for (let n = Math.min(this.vocab.maxPhraseWords, toks.length - i); n >= 1 && !hit; n--) {
        const text = toks.slice(i, i + n).join(' ');
        const h = this.lookup(text);
        if (h) hit = { ...h, text, n };
      }
      if (hit) {
        items.push({ kind: hit.kind, word: hit.word, text: hit.text });
        i += hit.n;
      } else {
        const w = toks[i++];
        items.push({ kind: this.marks.has(w) ? 'mark' : 'other', word: w, text: w });
      }
    }
    const { backgroundAfter, backgroundBefore } = this.vocab.markers;
    const roleWord: Record<Role, { word: string; text: string } | null> = { motif: null, motif_color: null, background: null, layout: null, scale: null };
    const ignored: string[] = [];
    const hasOn = items.some((it) => it.kind === 'mark' && it.word === 'on');
    const pending: Item[] = [];
    items.forEach((it, k) => {
      if (it.kind !== 'color') return;
      const prev = items[k - 1], nxt = items[k + 1];
      let target: Role | null = null;
      if (prev && prev.kind === 'mark' && backgroundAfter.includes(prev.word)) target = 'background';
      else if (nxt && nxt.kind === 'mark' && backgroundBefore.includes(nxt.word)) target = 'background';
      else if (nxt && (nxt.kind === 'motif' || (nxt.kind === 'mark' && nxt.word === 'on'))) target = 'motif_color';
      if (target && !roleWord[target]) roleWord[target] = it;
      else if (target) ignored.push(it.text);
      else pending.push(it);
    });
    for (const c of pending) {
      if (!roleWord.motif_color) roleWord.motif_color = c;
      else if (!roleWord.background && !hasOn) roleWord.background = c;
      else ignored.push(c.text);
    }
    for (const [kind, role] of [['motif', 'motif'], ['layout', 'layout'], ['scale', 'scale']] as [Kind, Role][]) {
      for (const it of items) {
        if (it.kind !== kind) continue;
        if (!roleWord[role]) roleWord[role] = it;
        else if (roleWord[role]!.word !== it.word) ignored.push(it.text);
      }
    }
    if (roleWord.motif && roleWord.motif_color && this.vocab.artworkIgnoresMotifColor && this.vocab.artwork.has(roleWord.motif.word)) {
      ignored.push(roleWord.motif_color.text);
      roleWord.motif_color = null;
    }
    for (const it of items) if (it.kind === 'other' && !STOP.has(it.word) && !/^\d+$/.test(it.word)) ignored.push(it.text);
    const roles = {} as Record<Role, RoleValue | null>;
    for (const r of ROLES) {
      const w = roleWord[r];
      const id = w ? this.vocab.words[r].indexOf(w.word) + 1 : 0;
      roles[r] = w && id > 0 ? { id, word: w.word, text: w.text } : null;
    }
    return { tokens: ROLES.map((r) => roles[r]?.id ?? 0), ignoredWords: [...new Set(ignored)], roles };
  }

  /** Canonical prompt text for a parse ("small red hearts on navy, half-drop"). */
  describe(p: ParsedPrompt): string {
    const r = p.roles;
    if (!r.motif) return '';
    const parts = [r.scale?.word, r.motif_color?.word, r.motif.word].filter(Boolean).join(' ');
    return `${parts}${r.background ? ` on ${r.background.word}` : ''}${r.layout ? `, ${r.layout.word}` : ''}`;
  }
}

export const POPULAR_PROMPTS = [
  'red hearts on navy',
  'small yellow stars on navy, scattered',
  'cats on pink, half-drop',
  'large sunflowers on cream',
  'white polka dots on red',
  'teal waves on white',
  'black zigzag on yellow',
  'lemons on blue, scattered',
  'tiny mushrooms on cream, half-drop',
  'pink flowers on green, scattered',
  'navy stripes on cream, diagonal',
  'ghosts on black, halloween',
  'orange checks on white',
  'avocados on pink, grid',
  'snowflakes on navy, scattered',
  'bees on yellow, half-drop',
];

/** Autocomplete: completes the last (partial) word with vocabulary forms, then popular prompts. */
export function suggestFrom(parser: PromptParser, prefixRaw: string, limit = 8, popular: string[] = POPULAR_PROMPTS): string[] {
  const prefix = prefixRaw.toLowerCase().replace(/\s+/g, ' ').trimStart();
  const out: string[] = [];
  const push = (s: string) => {
    if (!out.includes(s) && s !== prefix && out.length < limit) out.push(s);
  };
  for (const p of popular) if (prefix.length > 0 && p.startsWith(prefix)) push(p);
  const m = /^(.*?)([a-z][a-z-]*)$/.exec(prefix);
  if (m) {
    const [, head, partial] = m;
    const seen = new Set<string>();
    const forms = parser.forms
      .filter((f) => f.text.startsWith(partial) || f.text.startsWith(partial.replace(/-/g, ' ')))
      .sort((a, b) => Number(b.text === b.word) - Number(a.text === a.word) || a.text.length - b.text.length || a.text.localeCompare(b.text))
      .filter((f) => !seen.has(`${f.kind}:${f.word}`) && seen.add(`${f.kind}:${f.word}`)); // one form per meaning
    for (const f of forms) push(`${head}${f.text}`);
  } else if (prefix.endsWith(' ') && prefix.trim()) {
    const parsed = parser.parse(prefix);
    const v = parser.vocab.words;
    if (parsed.roles.motif && !parsed.roles.background) for (const c of ['navy', 'cream', 'white', 'pink']) if (v.background.includes(c)) push(`${prefix}on ${c}`);
    if (parsed.roles.motif && !parsed.roles.layout) for (const l of v.layout) push(`${prefix.trimEnd()}, ${l}`);
  }
  if (!prefix.trim()) for (const p of popular) push(p);
  return out;
}
