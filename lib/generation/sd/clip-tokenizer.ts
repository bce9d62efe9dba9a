// CLIP byte-level BPE tokenizer (as openai/CLIP simple_tokenizer and HF CLIPTokenizer), reading
// the tokenizer/vocab.json + tokenizer/merges.txt of a Stable-Diffusion ONNX folder.
import fs from 'node:fs';
import path from 'node:path';

/** GPT-2/CLIP byte -> printable unicode char table. */
function bytesToUnicode(): Map<number, string> {
  const bs: number[] = [];
  for (let i = 33; i <= 126; i++) bs.push(i);
  for (let i = 161; i <= 172; i++) bs.push(i);
  for (let i = 174; i <= 255; i++) bs.push(i);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  return new Map(bs.map((b, i) => [b, String.fromCharCode(cs[i])]));
}

const PATTERN = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+/gu;

export class ClipTokenizer {
  private byteEncoder = bytesToUnicode();
  private ranks = new Map<string, number>();
  private cache = new Map<string, string[]>();
  readonly bos: number;
  readonly eos: number;
  readonly pad: number;

  constructor(
    private vocab: Record<string, number>,
    merges: string[],
    readonly maxLength = 77,
    padToken?: string,
  ) {
    merges.forEach((m, i) => this.ranks.set(m, i));
    const id = (t: string) => {
      const v = vocab[t];
      if (v === undefined) throw new Error(`CLIP vocab has no ${t}`);
      return v;
    };
    this.bos = id('<|startoftext|>');
    this.eos = id('<|endoftext|>');
    this.pad = padToken && vocab[padToken] !== undefined ? vocab[padToken] : this.eos;
  }

  static fromDir(dir: string): ClipTokenizer {
    const vocab = JSON.parse(fs.readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Record<string, number>;
    const merges = fs
      .readFileSync(path.join(dir, 'merges.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#version'));
    let pad: string | undefined;
    let max = 77;
    const cfgFile = path.join(dir, 'tokenizer_config.json');
    if (fs.existsSync(cfgFile)) {
      const cfg = JSON.parse(fs.readFileSync(cfgFile, 'utf8'));
      pad = typeof cfg.pad_token === 'string' ? cfg.pad_token : cfg.pad_token?.content;
      if (Number.isInteger(cfg.model_max_length) && cfg.model_max_length < 1000) max = cfg.model_max_length;
    }
    return new ClipTokenizer(vocab, merges, max, pad);
  }

  private bpe(token: string): string[] {
    const hit = this.cache.get(token);
    if (hit) return hit;
    let word = [...token.slice(0, -1), `${token.slice(-1)}</w>`];
    while (word.length > 1) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i < word.length - 1; i++) {
        const r = this.ranks.get(`${word[i]} ${word[i + 1]}`);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      const a = word[best], b = word[best + 1];
      const next: string[] = [];
      for (let i = 0; i < word.length; i++) {
        if (i < word.length - 1 && word[i] === a && word[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(word[i]);
      }
      word = next;
    }
    this.cache.set(token, word);
    return word;
  }

  /** Token ids without BOS/EOS. Unknown pieces (not in vocab) are dropped. */
  encode(text: string): number[] {
    const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
    const ids: number[] = [];
    for (const m of clean.matchAll(PATTERN)) {
      const t = m[0];
      if (t === '<|startoftext|>' || t === '<|endoftext|>') {
        ids.push(this.vocab[t]);
        continue;
      }
      const chars = [...Buffer.from(t, 'utf8')].map((b) => this.byteEncoder.get(b)!).join('');
      for (const piece of this.bpe(chars)) {
        const id = this.vocab[piece];
        if (id !== undefined) ids.push(id);
      }
    }
    return ids;
  }

  /** [BOS, ...ids, EOS, PAD...] of exactly maxLength (truncated keeps EOS last). */
  encodePadded(text: string): Int32Array {
    const body = this.encode(text).slice(0, this.maxLength - 2);
    const out = new Int32Array(this.maxLength).fill(this.pad);
    out[0] = this.bos;
    out.set(body, 1);
    out[body.length + 1] = this.eos;
    return out;
  }
}
