// Types of kernel.mjs.
export interface KernelJob {
  start: number;
  end: number;
  idx: Int32Array;
  alpha: Float32Array;
  shade: Float32Array;
  highlight: Float32Array;
  mask: Float32Array;
  u: Float32Array;
  v: Float32Array;
  log2Footprint: Float32Array;
  bg: Uint8Array;
  out: Uint8ClampedArray;
  ld: Float32Array[];
  lw: number[];
  lh: number[];
  scx: number[];
  scy: number[];
  log2Tpi: number;
  tint: [number, number, number];
}

/** Composites pixels job.start … job.end-1 into job.out. */
export function compositeKernel(job: KernelJob): void;
