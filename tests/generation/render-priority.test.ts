// libvips' render threads run below the server's priority, like the ONNX workers, so page
// requests get the CPU first while designs are drawn.
import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { reniceLibvipsThreads } from '../../lib/generation/render-priority';

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
