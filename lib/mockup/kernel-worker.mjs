// A piscina worker (lib/mockup/pool.ts): composites one band of rows. Pixel arrays arrive as
// SharedArrayBuffer views, so the result is already in the caller's buffer when this returns.
import { compositeKernel } from './kernel.mjs';

/** @param {import('./kernel.mjs').KernelJob} job */
export default function composite(job) {
  compositeKernel(job);
}
