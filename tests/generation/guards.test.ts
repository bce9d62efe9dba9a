import { describe, expect, it } from 'vitest';
import { checkPrompt, moderate } from '../../lib/generation/input';
import { RenderQueue } from '../../lib/generation/queue';
import { clientKey, TokenBucketLimiter } from '../../lib/generation/rate-limit';

describe('prompt validation and moderation', () => {
  it('400 for empty, too long, control characters; trims and collapses spaces', () => {
    for (const bad of ['', '   ', 42, undefined]) expect(() => checkPrompt(bad)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkPrompt('x'.repeat(301))).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/301 characters, at most 300/) }));
    expect(() => checkPrompt('hearts\u0000on navy')).toThrow(expect.objectContaining({ status: 400, code: 'prompt_control_chars' }));
    expect(checkPrompt('  red   hearts\ton navy ')).toBe('red hearts on navy');
    expect(checkPrompt('x'.repeat(300))).toHaveLength(300);
  });

  it('400 for bidi controls (U+202E…) and invisible characters that hide words; emoji sequences stay', () => {
    for (const c of ['\u202e', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(() => checkPrompt(`red hearts ${c}on navy`), `U+${c.charCodeAt(0).toString(16)}`).toThrow(expect.objectContaining({ status: 400, code: 'prompt_bidi_chars' }));
    }
    expect(() => checkPrompt('hearts on \u202eyvan')).toThrow(expect.objectContaining({ message: expect.stringMatching(/U\+202E/) }));
    for (const c of ['\u200b', '\u200c', '\u2060', '\ufeff', '\u00ad', '\u200d']) {
      expect(() => checkPrompt(`na${c}ked stars`), `U+${c.charCodeAt(0).toString(16)}`).toThrow(expect.objectContaining({ status: 400, code: 'prompt_invisible_chars' }));
    }
    expect(checkPrompt('astronauts \u{1F469}\u200d\u{1F680} on navy')).toBe('astronauts \u{1F469}\u200d\u{1F680} on navy');
    expect(checkPrompt('مثلثات حمراء on navy')).toBe('مثلثات حمراء on navy'); // right-to-left text itself is fine
  });

  it('422 with a reason for blocked terms, also with character swaps; no false positives on substrings', () => {
    expect(() => checkPrompt('nazi stars')).toThrow(expect.objectContaining({ status: 422, code: 'moderation_hate' }));
    expect(() => checkPrompt('p0rn hearts')).toThrow(expect.objectContaining({ status: 422, code: 'moderation_sexual' }));
    expect(() => checkPrompt('Mickey Mouse on red')).toThrow(expect.objectContaining({ status: 422, message: expect.stringMatching(/Brands/) }));
    expect(moderate('sextant stripes').ok).toBe(true);
    expect(moderate('gorey waves').ok).toBe(true);
  });
});

describe('rate limit (token bucket)', () => {
  it('allows a burst, then 429, refills over time, keys are separate', () => {
    let now = 0;
    const l = new TokenBucketLimiter(3, 6, () => now); // 3 burst, 6/min = one per 10 s
    for (let i = 0; i < 3; i++) l.take('a');
    expect(() => l.take('a')).toThrow(expect.objectContaining({ status: 429, message: expect.stringMatching(/wait about 10 s/) }));
    l.take('b');
    now += 10_000;
    expect(() => l.take('a')).not.toThrow();
    expect(() => l.take('a')).toThrow(expect.objectContaining({ status: 429 }));
  });

  it('keys by session, else by the first X-Forwarded-For hop', () => {
    const req = new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } });
    expect(clientKey(req)).toBe('ip:203.0.113.9');
    expect(clientKey(req, 'sess1')).toBe('s:sess1');
  });
});

describe('render queue', () => {
  it('never runs more than `concurrency` jobs, queues up to maxWaiting, rejects the rest with 503', async () => {
    const q = new RenderQueue(2, 3);
    let running = 0,
      peak = 0;
    const gates: (() => void)[] = [];
    const job = () =>
      q.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        return 'ok';
      });
    const accepted = Array.from({ length: 5 }, job);
    const rejected = Array.from({ length: 3 }, job);
    for (const r of rejected) await expect(r).rejects.toMatchObject({ status: 503, code: 'generation_busy' });
    expect(q.stats).toMatchObject({ running: 2, waiting: 3, rejected: 3 });
    while (gates.length || q.stats.running) {
      await new Promise((r) => setTimeout(r, 1));
      gates.shift()?.();
    }
    expect(await Promise.all(accepted)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(peak).toBe(2);
    expect(q.stats).toMatchObject({ running: 0, waiting: 0 });
  });
});
