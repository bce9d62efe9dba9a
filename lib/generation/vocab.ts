// The model's vocabulary and the prompt parser. The embedded model is conditioned on 5 role
// slots (["motif","motif_color","background","layout","scale"], id 0 = null), not on free text,
// so the parser decides which role each recognised word fills. Rules (MODEL_CARD.md):
//   - a colour before the motif, or before "on", is the motif colour;
//   - a colour after "on"/"over"/"against", or right before/after "background", is the background;
//   - a second un-cued colour ("red and white stripes") is the background;
//   - artwork motifs (emoji) keep their own colours: a motif colour for them is ignored;
//   - words the model does not know are reported back as ignoredWords (filler words are not).

export type Role = 'motif' | 'motif_color' | 'background' | 'layout' | 'scale';
export const ROLES: Role[] = ['motif', 'motif_color', 'background', 'layout', 'scale'];

export interface Vocab {
  roles: Role[];
  words: Record<Role, string[]>;
  /** canonical word -> synonyms, per role */
  synonyms: Record<Role, Record<string, string[]>>;
  colorless: Set<string>;
  colorRgb: Record<string, [number, number, number]>;
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

type Kind = 'color' | 'motif' | 'layout' | 'scale';

const STOP = new Set(
  'a an the of with and in at to for my our some lots lot many few pattern patterns print prints printed design designs tile tiles tiled seamless repeat repeating repeated texture fabric wallpaper background-pattern style cute nice pretty little lovely simple cool fun funny kind sort please make me i want like by from its it is are colored coloured color colour colors colours tone toned shade shades'.split(
    ' ',
  ),
);
// "tiled" is also a layout synonym: the vocabulary wins over the stop list (checked first).
const BG_BEFORE = new Set(['on', 'over', 'against', 'onto', 'atop', 'upon']);
const BG_NOUN = new Set(['background', 'backdrop', 'ground', 'bg', 'base']);
const BREAK = new Set(['with', 'and', ',', 'plus', ';']);

function norm(s: string): string {
  return s.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Accepts the vocab.json of seedprint-tiny-v1 and a few plausible variants of its layout. */
export function loadVocab(json: unknown): Vocab {
  const j = json as Record<string, unknown>;
  const roles = ((j.roles as string[] | undefined) ?? ROLES) as Role[];
  if (roles.join() !== ROLES.join()) throw new Error(`vocab.json: roles ${roles.join(',')} differ from ${ROLES.join(',')}`);
  const words = {} as Record<Role, string[]>;
  const synonyms = {} as Record<Role, Record<string, string[]>>;
  const rawWords = (j.words ?? j.vocab ?? j.role_words ?? {}) as Record<string, unknown>;
  const rawSyn = (j.synonyms ?? {}) as Record<string, unknown>;
  for (const role of ROLES) {
    let list = rawWords[role] ?? (j[role] as unknown);
    if (list && typeof list === 'object' && !Array.isArray(list)) {
      // {words:[...], synonyms:{...}} per role
      const o = list as Record<string, unknown>;
      if (o.synonyms && !rawSyn[role]) rawSyn[role] = o.synonyms;
      list = o.words ?? o.list;
    }
    if (!Array.isArray(list)) throw new Error(`vocab.json: no word list for role ${role}`);
    // Lists may include the null entry at index 0 ("<null>", "", null): strip it so word i -> id i+1.
    const l = list as (string | null)[];
    words[role] = (l[0] === null || l[0] === '' || /^<.*>$/.test(String(l[0])) ? l.slice(1) : l) as string[];
    const s = rawSyn[role] as Record<string, string[] | string> | undefined;
    synonyms[role] = {};
    if (s) {
      for (const [k, v] of Object.entries(s)) {
        // both "canonical -> [synonyms]" and "synonym -> canonical" layouts
        if (Array.isArray(v)) (synonyms[role][k] ??= []).push(...v);
        else if (typeof v === 'string') (synonyms[role][v] ??= []).push(k);
      }
    }
  }
  if (rawSyn.color && typeof rawSyn.color === 'object') {
    for (const role of ['motif_color', 'background'] as Role[]) {
      for (const [k, v] of Object.entries(rawSyn.color as Record<string, string[]>)) (synonyms[role][k] ??= []).push(...v);
    }
  }
  const colorless = new Set<string>(
    ((j.colorless_motifs ?? j.emoji_motifs ?? j.artwork_motifs ?? []) as string[]).map(String),
  );
  const colorRgb = (j.color_rgb ?? j.colors_rgb ?? {}) as Record<string, [number, number, number]>;
  return { roles: ROLES, words, synonyms, colorless, colorRgb };
}

interface Entry {
  kind: Kind;
  word: string;
}

export class PromptParser {
  private phrases = new Map<string, Entry>();
  private maxLen = 1;
  /** every surface form, for autocomplete */
  readonly forms: { text: string; kind: Kind; word: string }[] = [];

  constructor(readonly vocab: Vocab) {
    const add = (kind: Kind, word: string, form: string) => {
      const key = norm(form);
      if (!key || this.phrases.has(key)) return;
      this.phrases.set(key, { kind, word });
      this.maxLen = Math.max(this.maxLen, key.split(' ').length);
      this.forms.push({ text: key, kind, word });
    };
    const roleKind: [Role, Kind][] = [
      ['motif', 'motif'],
      ['motif_color', 'color'],
      ['layout', 'layout'],
      ['scale', 'scale'],
    ];
    // canonical words first so they win over a clashing synonym elsewhere
    for (const [role, kind] of roleKind) for (const w of vocab.words[role]) add(kind, w, w);
    for (const w of vocab.words.background) add('color', w, w);
    for (const [role, kind] of roleKind) {
      for (const [w, syns] of Object.entries(vocab.synonyms[role])) for (const s of syns) add(kind, w, s);
    }
    for (const [w, syns] of Object.entries(vocab.synonyms.background)) for (const s of syns) add('color', w, s);
  }

  parse(prompt: string): ParsedPrompt {
    // words and separators, in order
    const toks = (prompt.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?|[,;]/g) ?? []).map((t) => t.replace(/['’]s$/, ''));
    // Hyphenated forms ("half-drop", "zig-zag") are matched as separate words ("half drop").
    const items: { kind: Kind | 'bg-before' | 'bg-noun' | 'break' | 'stop' | 'unknown'; word: string; text: string }[] = [];
    for (let i = 0; i < toks.length; ) {
      let matched = false;
      for (let n = Math.min(this.maxLen, toks.length - i); n >= 1; n--) {
        const text = toks.slice(i, i + n).join(' ');
        const e = this.phrases.get(text);
        if (e) {
          items.push({ kind: e.kind, word: e.word, text });
          i += n;
          matched = true;
          break;
        }
        // plural fallback for single words ("lemons" when only "lemon" is listed)
        if (n === 1 && text.length > 3 && text.endsWith('s') && this.phrases.get(text.slice(0, -1))) {
          const e2 = this.phrases.get(text.slice(0, -1))!;
          items.push({ kind: e2.kind, word: e2.word, text });
          i += 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const t = toks[i++];
      if (BG_BEFORE.has(t)) items.push({ kind: 'bg-before', word: t, text: t });
      else if (BG_NOUN.has(t)) items.push({ kind: 'bg-noun', word: t, text: t });
      else if (BREAK.has(t)) items.push({ kind: 'break', word: t, text: t });
      else if (STOP.has(t) || /^\d+$/.test(t)) items.push({ kind: 'stop', word: t, text: t });
      else items.push({ kind: 'unknown', word: t, text: t });
    }

    const roles: Record<Role, RoleValue | null> = { motif: null, motif_color: null, background: null, layout: null, scale: null };
    const ignored: string[] = [];
    const set = (role: Role, word: string, text: string) => {
      if (roles[role]) {
        if (roles[role]!.word !== word) ignored.push(text);
        return;
      }
      const id = this.vocab.words[role].indexOf(word) + 1;
      if (id <= 0) {
        ignored.push(text);
        return;
      }
      roles[role] = { id, word, text };
    };
    let bgMode = false;
    let lastColorIdx = -1; // index in items of the last colour given to motif_color, for "<colour> background"
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      switch (it.kind) {
        case 'bg-before':
          bgMode = true;
          break;
        case 'bg-noun': {
          // "<colour> background": the colour just before (skipping filler) is the background
          let j = i - 1;
          while (j >= 0 && items[j].kind === 'stop') j--;
          if (j >= 0 && j === lastColorIdx && roles.motif_color?.text === items[j].text) {
            const moved = roles.motif_color!;
            roles.motif_color = null;
            lastColorIdx = -1;
            if (!roles.background) roles.background = { ...moved, id: this.vocab.words.background.indexOf(moved.word) + 1 };
          } else {
            bgMode = true; // "background of navy", "background: navy"
          }
          break;
        }
        case 'break':
          bgMode = false;
          break;
        case 'color': {
          if (bgMode) {
            set('background', it.word, it.text);
            bgMode = false;
          } else if (!roles.motif_color && !roles.motif) {
            set('motif_color', it.word, it.text);
            lastColorIdx = i;
          } else if (!roles.motif_color && roles.motif && this.nextIsBgNoun(items, i)) {
            set('background', it.word, it.text);
          } else if (!roles.motif_color && roles.motif) {
            // "hearts in red" / "hearts red on navy": colour after the motif without a cue
            set('motif_color', it.word, it.text);
            lastColorIdx = i;
          } else {
            set('background', it.word, it.text);
          }
          break;
        }
        case 'motif':
          set('motif', it.word, it.text);
          break;
        case 'layout':
          set('layout', it.word, it.text);
          break;
        case 'scale':
          set('scale', it.word, it.text);
          break;
        case 'unknown':
          ignored.push(it.text);
          break;
        default:
          break;
      }
    }
    // artwork motifs keep their own colours
    if (roles.motif && roles.motif_color && this.vocab.colorless.has(roles.motif.word)) {
      ignored.push(roles.motif_color.text);
      roles.motif_color = null;
    }
    const tokens = ROLES.map((r) => roles[r]?.id ?? 0);
    return { tokens, ignoredWords: [...new Set(ignored)], roles };
  }

  private nextIsBgNoun(items: { kind: string }[], i: number): boolean {
    let j = i + 1;
    while (j < items.length && items[j].kind === 'stop') j++;
    return j < items.length && items[j].kind === 'bg-noun';
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
export function suggestFrom(parser: PromptParser, prefixRaw: string, limit = 8): string[] {
  const prefix = prefixRaw.toLowerCase().replace(/\s+/g, ' ').trimStart();
  const out: string[] = [];
  const push = (s: string) => {
    if (!out.includes(s) && s !== prefix && out.length < limit) out.push(s);
  };
  for (const p of POPULAR_PROMPTS) if (prefix.length > 0 && p.startsWith(prefix)) push(p);
  const m = /^(.*?)([a-z][a-z-]*)$/.exec(prefix);
  if (m) {
    const [, head, partial] = m;
    const seen = new Set<string>();
    const forms = parser.forms
      .filter((f) => f.text.startsWith(partial.replace(/-/g, ' ')) && !seen.has(f.text) && seen.add(f.text))
      .sort((a, b) => Number(b.text === b.word) - Number(a.text === a.word) || a.text.length - b.text.length || a.text.localeCompare(b.text));
    for (const f of forms) push(`${head}${f.text}`);
  } else if (prefix.endsWith(' ') && prefix.trim()) {
    const parsed = parser.parse(prefix);
    const v = parser.vocab.words;
    if (parsed.roles.motif && !parsed.roles.background) for (const c of ['navy', 'cream', 'white', 'pink']) if (v.background.includes(c)) push(`${prefix}on ${c}`);
    if (parsed.roles.motif && !parsed.roles.layout) for (const l of v.layout) push(`${prefix.trimEnd()}, ${l}`);
  }
  if (!prefix.trim()) for (const p of POPULAR_PROMPTS) push(p);
  return out;
}
