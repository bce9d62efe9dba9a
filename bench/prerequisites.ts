// What the bench's side-by-side comparisons need (ImageMagick for the mockup composite, Debian's
// torch for the ONNX-vs-torch sampling run), installed with apt when the bench runs as root on a
// machine without them. A comparison that still cannot run is reported as failed, never skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { imagemagickBinary } from '../tools/imagemagick';

// The torch reference rebuilds its weights from the shipped ONNX files, so it needs onnx too.
const hasTorch = () => spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx'], { stdio: 'ignore' }).status === 0;

export interface Prerequisites {
  imagemagick: string | null;
  torch: boolean;
}

export function ensurePrerequisites(): Prerequisites {
  const missing: string[] = [];
  if (!imagemagickBinary()) missing.push('imagemagick');
  if (!hasTorch()) missing.push('python3-torch', 'python3-onnx');
  if (missing.length && process.getuid?.() === 0) {
    console.log(`[bench] installing what the comparisons need: apt-get install ${missing.join(' ')}`);
    try {
      execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', timeout: 300_000 });
      execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'inherit', timeout: 900_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (err) {
      console.error(`[bench] apt-get failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const found = { imagemagick: imagemagickBinary(), torch: hasTorch() };
  if (!found.imagemagick) console.error('[bench] ImageMagick is missing (apt-get install imagemagick): mockup.vs_imagemagick_speedup FAILS');
  if (!found.torch) console.error('[bench] torch or onnx is missing (apt-get install python3-torch python3-onnx): generation.onnx_vs_torch_speedup FAILS');
  return found;
}
