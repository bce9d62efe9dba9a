// Prompt validation (400) and moderation (422), shared by the API, the CLI and the library.
import { badRequest, unprocessable } from '../http/errors';
import { findIpTerms } from '../pattern';
import { PROMPT_MAX } from './recipe';

/**
 * Bidirectional controls (U+202A–U+202E embeddings/overrides such as RIGHT-TO-LEFT OVERRIDE,
 * U+2066–U+2069 isolates, the LRM/RLM/ALM marks): they make a prompt display differently from
 * what it says (in the outbox, order pages, the factory's job sheet).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Invisible characters that split words for the eye but not for people reading the product
 * ("na\u200bked" slipped past moderation): zero-width space/non-joiner, word joiner, BOM, soft
 * hyphen, and a zero-width joiner anywhere but inside an emoji sequence.
 */
const INVISIBLE = /[\u00ad\u200b\u200c\u2060\ufeff]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;

/** Trims and checks a prompt; throws HttpError 400 with a sentence a shopper can act on. */
export function validatePrompt(input: unknown): string {
  if (typeof input !== 'string') throw badRequest('Please type a prompt, for example "red hearts on navy".', 'prompt_missing');
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(input)) throw badRequest('The prompt contains control characters: please type plain text.', 'prompt_control_chars');
  if (BIDI_CONTROLS.test(input)) throw badRequest('The prompt contains text-direction control characters (such as U+202E): please type plain text.', 'prompt_bidi_chars');
  if (INVISIBLE.test(input)) throw badRequest('The prompt contains invisible characters (such as a zero-width space): please type plain text.', 'prompt_invisible_chars');
  const prompt = input.replace(/\s+/g, ' ').trim();
  if (!prompt) throw badRequest('Please type a prompt, for example "red hearts on navy".', 'prompt_empty');
  if (prompt.length > PROMPT_MAX) throw badRequest(`The prompt is too long: ${prompt.length} characters, at most ${PROMPT_MAX}.`, 'prompt_too_long');
  return prompt;
}

// Small, explicit block-list. Matching is on whole words/phrases, case-insensitive, after
// folding common character swaps (0->o, 1->i, 3->e, 4->a, 5->s, @->a, $->s).
const BLOCKED: { reason: string; code: string; terms: string[] }[] = [
  {
    code: 'hate',
    reason: 'Hate symbols and slurs are not allowed on Seedprint products.',
    terms: ['swastika', 'swastikas', 'nazi', 'nazis', 'kkk', 'white power', 'sieg heil', 'heil hitler', 'hitler', 'ss bolts', 'confederate flag', 'iron cross nazi'],
  },
  {
    code: 'sexual',
    reason: 'Sexual or explicit content cannot be printed.',
    terms: ['porn', 'porno', 'pornographic', 'nude', 'nudes', 'naked', 'nsfw', 'xxx', 'sex', 'sexy', 'hentai', 'genitals', 'penis', 'vagina', 'boobs', 'nipples'],
  },
  {
    code: 'violence',
    reason: 'Graphic violence and weapons glorification cannot be printed.',
    terms: ['gore', 'gory', 'beheading', 'decapitated', 'mutilated', 'massacre', 'school shooting', 'terrorist', 'isis'],
  },
  {
    code: 'drugs',
    reason: 'Drug-related designs are not allowed.',
    terms: ['cocaine', 'heroin', 'meth', 'crack pipe'],
  },
];

function fold(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/[0134@5$]/g, (c) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's' })[c]!)
    .replace(/[^a-z]+/g, ' ')
    .trim()} `;
}

export interface ModerationResult {
  ok: boolean;
  code?: string;
  reason?: string;
  term?: string;
}

export function moderate(prompt: string): ModerationResult {
  const text = fold(prompt);
  for (const group of BLOCKED) {
    for (const term of group.terms) if (text.includes(` ${term} `)) return { ok: false, code: group.code, reason: group.reason, term };
  }
  // Trademarked characters, brands and real people: one list, kept with the pattern engine.
  const [ip] = findIpTerms(prompt);
  if (ip) return { ok: false, code: ip.reason === 'person' ? 'person' : 'trademark', reason: ip.message, term: ip.term };
  return { ok: true };
}

/** validate + moderate; throws 400 / 422. */
export function checkPrompt(input: unknown): string {
  const prompt = validatePrompt(input);
  const m = moderate(prompt);
  if (!m.ok) throw unprocessable(m.reason!.includes(`"${m.term}"`) ? m.reason! : `${m.reason} (matched "${m.term}")`, `moderation_${m.code}`);
  return prompt;
}
