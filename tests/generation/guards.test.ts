import { describe, expect, it } from 'vitest';
import { checkPrompt, moderate } from '../../lib/generation/input';
import { RenderQueue } from '../../lib/generation/queue';
import { addressBucket, clientAddress } from '../../lib/http/client-address';
import { PEER_HEADER } from '../../lib/http/peer';
import { fromAddress } from './support/peer';

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
    expect(() => checkPrompt('Mickey Mouse on red')).toThrow(expect.objectContaining({ status: 422, code: 'moderation_trademark', message: expect.stringMatching(/copyrighted and trademarked character/) }));
    expect(() => checkPrompt('taylor swift faces')).toThrow(expect.objectContaining({ status: 422, code: 'moderation_person', message: expect.stringMatching(/real people/) }));
    expect(moderate('sextant stripes').ok).toBe(true);
    expect(moderate('gorey waves').ok).toBe(true);
  });
});

describe('client address (rate-limit keys)', () => {
  it('is the stamped socket address; X-Forwarded-For only from a trusted proxy, rightmost untrusted hop', () => {
    const h = (addr: string | null, xff?: string) => new Headers({ ...(addr ? fromAddress(addr) : {}), ...(xff ? { 'x-forwarded-for': xff } : {}) });
    expect(clientAddress(h(null, '203.0.113.9'))).toBeNull(); // not served by our server: nothing to trust
    expect(clientAddress(new Headers({ [PEER_HEADER]: 'forged 127.0.0.1' }))).toBeNull();
    expect(clientAddress(h('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7'); // no proxy configured
    expect(clientAddress(h('::ffff:198.51.100.7'))).toBe('198.51.100.7');
    const proxies = ['10.0.0.0/8', '::1'];
    expect(clientAddress(h('198.51.100.7', '203.0.113.9'), proxies)).toBe('198.51.100.7'); // not from a proxy
    expect(clientAddress(h('10.1.2.3', '203.0.113.9'), proxies)).toBe('203.0.113.9');
    expect(clientAddress(h('10.1.2.3', '1.1.1.1, 203.0.113.9, 10.9.9.9'), proxies)).toBe('203.0.113.9'); // left of the client is the client's own text
    expect(clientAddress(h('::1', 'garbage, 203.0.113.9'), proxies)).toBe('203.0.113.9');
    expect(clientAddress(h('10.1.2.3'), proxies)).toBe('10.1.2.3');
  });

  it('counts IPv6 per /64', () => {
    expect(addressBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9');
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

  it('lets a render nested in another use its caller slot, so a full queue does not deadlock', async () => {
    const q = new RenderQueue(1, 0);
    const inner = await q.run(() => q.run(async () => 'inner'));
    expect(inner).toBe('inner');
    expect(q.stats).toMatchObject({ running: 0, waiting: 0, rejected: 0 });
    // Outside a slot, the same queue still refuses a second render while one runs.
    let release!: () => void;
    const first = q.run(() => new Promise<string>((r) => (release = () => r('first'))));
    await expect(q.run(async () => 'second')).rejects.toMatchObject({ status: 503 });
    release();
    expect(await first).toBe('first');
  });
});
