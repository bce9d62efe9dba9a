// libvips' render threads run below the server's priority, like the ONNX workers, so page
// requests get the CPU first while designs are drawn. The render queue wakes the scan that keeps
// them there; it sleeps once they have settled.
import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { RenderQueue } from '../../lib/generation/queue';
import { LibvipsPriority, reniceLibvipsThreads } from '../../lib/generation/render-priority';

const libvipsThreads = () =>
  fs.readdirSync('/proc/self/task').filter((t) => {
    try {
      return fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() === 'libvips worker';
    } catch {
      return false;
    }
  });

describe.skipIf(process.platform !== 'linux')('render thread priority', () => {
  it('lowers every libvips thread to the render nice value and leaves the main thread alone', async () => {
    sharp.concurrency(2);
    // Work that makes libvips start its threads.
    await Promise.all(Array.from({ length: 4 }, (_, i) => sharp({ create: { width: 1500, height: 1500, channels: 3, background: { r: i * 40, g: 90, b: 200 } } }).blur(3).png().toBuffer()));
    const threads = libvipsThreads();
    expect(threads.length).toBeGreaterThan(0);
    const mainNice = os.getPriority(process.pid);
    reniceLibvipsThreads(10);
    for (const t of libvipsThreads()) expect(os.getPriority(Number(t))).toBe(10);
    expect(os.getPriority(process.pid)).toBe(mainNice);
    expect(reniceLibvipsThreads(10)).toEqual([]); // already there: nothing to do
  });
});

describe.skipIf(process.platform !== 'linux')('render thread priority, kept by the render queue', () => {
  it('renices the threads a render starts, then stops scanning until the next render', async () => {
    // Nice 12, above the 10 the test before left them at; 50 ms scans that settle after 3.
    const priority = new LibvipsPriority(12, 50, 3);
    const queue = new RenderQueue(1, 0, () => priority.wake(), () => priority.rest());
    const render = () =>
      queue.run(() => Promise.all(Array.from({ length: 4 }, (_, i) => sharp({ create: { width: 1500, height: 1500, channels: 3, background: { r: i * 40, g: 90, b: 200 } } }).blur(3).png().toBuffer())));
    sharp.concurrency(4); // more threads than before: libvips starts new ones during the render
    expect(priority.scanning).toBe(false);
    await render();
    expect(libvipsThreads().length).toBeGreaterThan(0);
    await expect.poll(() => priority.scanning, { timeout: 5_000 }).toBe(false);
    for (const t of libvipsThreads()) expect(os.getPriority(Number(t))).toBe(12);

    // Idle: no scan at all.
    const scans = priority.scans;
    await new Promise((r) => setTimeout(r, 300));
    expect(priority.scans).toBe(scans);

    // The next render wakes it again.
    await render();
    expect(priority.scans).toBeGreaterThan(scans);
    await expect.poll(() => priority.scanning, { timeout: 5_000 }).toBe(false);
    for (const t of libvipsThreads()) expect(os.getPriority(Number(t))).toBe(12);
  });
});
