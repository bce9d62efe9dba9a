// Seeded noise that is the same in every process, on every machine, in every Node version
// that implements IEEE-754 doubles and V8's (fdlibm-derived) Math.log/cos/sin.
//
// Generator: PCG32 (PCG-XSH-RR 64/32, O'Neill 2014), exactly as `pcg32_srandom_r` /
// `pcg32_random_r` in pcg-c-basic: 64-bit LCG state (multiplier 6364136223846793005),
// increment = (stream << 1) | 1, output = rotr32(((s >> 18) ^ s) >> 27, s >> 59).
// The 64-bit arithmetic is done on two uint32 halves (no BigInt: ~40x faster).
// Known answer: seed 42, stream 54 -> 0xa15c02b7 0x7b47f409 0xba1d3330 0x83d2f293 ...
//
// Gaussian: Box-Muller on two consecutive outputs a, b:
//   u1 = (a + 0.5) / 2^32, u2 = (b + 0.5) / 2^32   (both strictly inside (0, 1))
//   z0 = sqrt(-2 ln u1) * cos(2 pi u2), z1 = sqrt(-2 ln u1) * sin(2 pi u2)
// computed in float64 and rounded to float32 when stored.
import { nextTurn } from './event-loop';

const MUL_HI = 0x5851f42d;
const MUL_LO = 0x4c957f2d;

/** 64-bit (hi, lo) * (bhi, blo) mod 2^64 on uint32 halves. Returns [hi, lo]. */
function mul64(ahi: number, alo: number, bhi: number, blo: number): [number, number] {
  // lo * lo as a full 64-bit product using 16-bit limbs
  const a0 = alo & 0xffff, a1 = alo >>> 16;
  const b0 = blo & 0xffff, b1 = blo >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const lo = ((mid & 0xffff) << 16) | (p00 & 0xffff);
  const carry = Math.floor(mid / 65536) + Math.floor(p01 / 65536) + Math.floor(p10 / 65536) + p11;
  const hi = (carry + Math.imul(ahi, blo) + Math.imul(alo, bhi)) >>> 0;
  return [hi, lo >>> 0];
}

function add64(ahi: number, alo: number, bhi: number, blo: number): [number, number] {
  const lo = alo + blo;
  const c = lo > 0xffffffff ? 1 : 0;
  return [(ahi + bhi + c) >>> 0, lo >>> 0];
}

export class Pcg32 {
  private hi = 0;
  private lo = 0;
  private incHi: number;
  private incLo: number;

  /** seed and stream are uint64 given as numbers (<= 2^53) or bigint. */
  constructor(seed: number | bigint, stream: number | bigint = 0x5eedn) {
    const s = BigInt.asUintN(64, BigInt(seed));
    const q = BigInt.asUintN(64, (BigInt(stream) << 1n) | 1n);
    this.incHi = Number(q >> 32n);
    this.incLo = Number(q & 0xffffffffn);
    // pcg32_srandom_r: state = 0; step; state += seed; step
    this.step();
    [this.hi, this.lo] = add64(this.hi, this.lo, Number(s >> 32n), Number(s & 0xffffffffn));
    this.step();
  }

  private step() {
    const [mh, ml] = mul64(this.hi, this.lo, MUL_HI, MUL_LO);
    [this.hi, this.lo] = add64(mh, ml, this.incHi, this.incLo);
  }

  /** Next uint32. */
  nextU32(): number {
    const hi = this.hi, lo = this.lo;
    this.step();
    // xorshifted = uint32(((old >> 18) ^ old) >> 27)
    const shHi = hi >>> 18;
    const shLo = ((lo >>> 18) | (hi << 14)) >>> 0;
    const xHi = (shHi ^ hi) >>> 0;
    const xLo = (shLo ^ lo) >>> 0;
    const xorshifted = ((xLo >>> 27) | (xHi << 5)) >>> 0;
    const rot = hi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }

  /** Fills `out` with standard normal samples (Box-Muller, pairs). */
  fillGaussian(out: Float32Array): Float32Array {
    const TWO_PI = 2 * Math.PI;
    const INV = 1 / 4294967296;
    let i = 0;
    while (i < out.length) {
      const u1 = (this.nextU32() + 0.5) * INV;
      const u2 = (this.nextU32() + 0.5) * INV;
      const r = Math.sqrt(-2 * Math.log(u1));
      out[i++] = r * Math.cos(TWO_PI * u2);
      if (i < out.length) out[i++] = r * Math.sin(TWO_PI * u2);
    }
    return out;
  }
}

/** Stream ids: independent noise for each use of one seed. */
export const STREAM_BASE = 0x5eedn;
export const STREAM_SR = 0x5eed5an;

/**
 * The same numbers as gaussian(), made in slices with a turn of the event loop between them, so
 * a print-size noise field (millions of values, ~0.3 s) never holds up the server's requests.
 */
export async function gaussianAsync(seed: number, n: number, stream: bigint = STREAM_BASE, slice = 1 << 17): Promise<Float32Array> {
  const out = new Float32Array(n);
  const rng = new Pcg32(seed, stream);
  for (let i = 0; i < n; i += slice) {
    rng.fillGaussian(out.subarray(i, Math.min(n, i + slice))); // slices are even: Box-Muller pairs stay together
    if (i + slice < n) await nextTurn();
  }
  return out;
}

/** n standard normals from (seed, stream). */
export function gaussian(seed: number, n: number, stream: bigint = STREAM_BASE): Float32Array {
  return new Pcg32(seed, stream).fillGaussian(new Float32Array(n));
}
