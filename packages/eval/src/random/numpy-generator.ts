/**
 * NumPy's default random generator, bit for bit: `np.random.default_rng(seed)` is PCG64 (XSL-RR
 * 128/64) seeded through `SeedSequence`, and sacrebleu draws its resampling indices with
 * `rng.choice(n, size, replace=True)` (Lemire's bounded integers on 32-bit draws) and its
 * approximate-randomization coin flips with `rng.integers(2, size, dtype=bool)` (one bit per flip).
 * Sources: numpy/random/bit_generator.pyx, _pcg64.pyx, src/pcg64/pcg64.h, src/distributions.
 */

const MASK32 = 0xffffffff;

// SeedSequence hash constants (bit_generator.pyx).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

const mul32 = (a: number, b: number): number => Math.imul(a, b) >>> 0;

/** NumPy `SeedSequence(entropy).generate_state(nWords, np.uint32)` for an integer seed. */
export function seedSequenceState(seed: number, nWords: number): Uint32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
  // _int_to_uint32_array: little-endian 32-bit words, [0] for zero.
  const entropy: number[] = [];
  for (let n = seed; n > 0 || entropy.length === 0; n = Math.floor(n / 2 ** 32)) entropy.push(n % 2 ** 32);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = mul32(hashConst, MULT_A);
    v = mul32(v, hashConst);
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (mul32(MIX_MULT_L, x) - mul32(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? (entropy[i] as number) : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst] as number, hashmix(pool[src] as number));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst] as number, hashmix(entropy[src] as number));
  }
  const out = new Uint32Array(nWords);
  let hashB = INIT_B;
  for (let i = 0; i < nWords; i++) {
    let v = ((pool[i % POOL_SIZE] as number) ^ hashB) >>> 0;
    hashB = mul32(hashB, MULT_B);
    v = mul32(v, hashB);
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}

/** 128-bit integers as eight 16-bit limbs, least significant first. */
type U128 = Uint16Array;

/** PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA44385DF649FCCF645. */
const MULTIPLIER: U128 = Uint16Array.from([0xf645, 0x9fcc, 0xdf64, 0x4385, 0x5da4, 0x1fc6, 0xed05, 0x2360]);
const ONE: U128 = Uint16Array.from([1, 0, 0, 0, 0, 0, 0, 0]);

function u128FromWords(hi64hi: number, hi64lo: number, lo64hi: number, lo64lo: number): U128 {
  const out = new Uint16Array(8);
  [lo64lo, lo64hi, hi64lo, hi64hi].forEach((w, k) => {
    out[2 * k] = w & 0xffff;
    out[2 * k + 1] = w >>> 16;
  });
  return out;
}

/** out = a * b + c (mod 2^128), limb by limb with the carry; `out` must not alias `a` or `b`. */
function mulAdd(a: U128, b: U128, c: U128, out: U128): void {
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    let acc = (c[k] as number) + carry;
    for (let i = 0; i <= k; i++) acc += (a[i] as number) * (b[k - i] as number);
    carry = Math.floor(acc / 65536);
    out[k] = acc - carry * 65536;
  }
}

/** `np.random.Generator(PCG64(seed))`, for the draws sacrebleu makes. */
export class NumpyGenerator {
  private state: U128 = new Uint16Array(8);
  private spare: U128 = new Uint16Array(8);
  private readonly inc: U128;
  private hasUint32 = false;
  private uinteger = 0;
  /** The last 64-bit output, as two 32-bit halves. */
  private hi = 0;
  private lo = 0;

  constructor(seed: number) {
    const w = seedSequenceState(seed, 8);
    // generate_state(4, uint64) pairs words little-endian; PCG_128BIT_CONSTANT(high, low) takes
    // val[0] as the high half of the state seed and val[2] as the high half of the stream.
    const initState = u128FromWords(w[1] as number, w[0] as number, w[3] as number, w[2] as number);
    const initSeq = u128FromWords(w[5] as number, w[4] as number, w[7] as number, w[6] as number);
    // inc = (initseq << 1) | 1
    this.inc = new Uint16Array(8);
    let carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = (initSeq[k] as number) * 2 + carry;
      this.inc[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.inc[0] = (this.inc[0] as number) | 1;
    // pcg_setseq_128_srandom_r: step, add the seed, step.
    this.step();
    mulAdd(this.state, ONE, initState, this.spare);
    [this.state, this.spare] = [this.spare, this.state];
    this.step();
  }

  private step(): void {
    mulAdd(this.state, MULTIPLIER, this.inc, this.spare);
    const s = this.state;
    this.state = this.spare;
    this.spare = s;
  }

  /** pcg64_random_r: step, then the XSL-RR output into `hi`/`lo`. */
  private next64(): void {
    this.step();
    const s = this.state;
    const word = (k: number): number => ((s[2 * k] as number) | ((s[2 * k + 1] as number) << 16)) >>> 0;
    const xHi = (word(3) ^ word(1)) >>> 0;
    const xLo = (word(2) ^ word(0)) >>> 0;
    const rot = (s[7] as number) >>> 10; // state >> 122
    if (rot === 0) {
      this.hi = xHi;
      this.lo = xLo;
    } else if (rot === 32) {
      this.hi = xLo;
      this.lo = xHi;
    } else if (rot < 32) {
      this.hi = ((xHi >>> rot) | (xLo << (32 - rot))) >>> 0;
      this.lo = ((xLo >>> rot) | (xHi << (32 - rot))) >>> 0;
    } else {
      const r = rot - 32;
      this.hi = ((xLo >>> r) | (xHi << (32 - r))) >>> 0;
      this.lo = ((xHi >>> r) | (xLo << (32 - r))) >>> 0;
    }
  }

  /** pcg64_next32: the low half of a 64-bit draw, then its high half. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** The first 64-bit outputs (`bit_generator.random_raw`), for checking against NumPy. */
  randomRaw(count: number): bigint[] {
    return Array.from({ length: count }, () => {
      this.next64();
      return (BigInt(this.hi) << 32n) | BigInt(this.lo);
    });
  }

  /** buffered_bounded_lemire_uint32: uniform in [0, rng] for rng < 2^32 - 1. */
  private boundedLemire(rng: number): number {
    const rngExcl = rng + 1;
    let m = mulHighLow(this.nextUint32(), rngExcl);
    if (m.low < rngExcl) {
      const threshold = (MASK32 - rng) % rngExcl;
      while (m.low < threshold) m = mulHighLow(this.nextUint32(), rngExcl);
    }
    return m.high;
  }

  /** `rng.choice(n, size=count, replace=True)` (= `rng.integers(0, n, count)`), in C order. */
  choice(n: number, count: number): Uint32Array {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`choice needs 1 <= n <= 2^32, got ${n}`);
    const out = new Uint32Array(count);
    const rng = n - 1;
    if (rng === 0) return out;
    for (let i = 0; i < count; i++) out[i] = rng === MASK32 ? this.nextUint32() : this.boundedLemire(rng);
    return out;
  }

  /** `rng.integers(2, size=count, dtype=bool)`: one bit per value, low bit first, 32 per draw. */
  booleans(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let buf = 0;
    let bcnt = 0;
    for (let i = 0; i < count; i++) {
      if (bcnt === 0) {
        buf = this.nextUint32();
        bcnt = 31;
      } else {
        buf >>>= 1;
        bcnt--;
      }
      out[i] = buf & 1;
    }
    return out;
  }
}

const product = { high: 0, low: 0 };

/** Exact 32×32 → 64-bit product, as its high and low 32 bits (one shared result object). */
function mulHighLow(a: number, b: number): { high: number; low: number } {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const mid = Math.floor(ll / 65536) + (lh % 65536) + (hl % 65536);
  product.low = ((mid % 65536) * 65536 + (ll % 65536)) >>> 0;
  product.high = (aHi * bHi + Math.floor(lh / 65536) + Math.floor(hl / 65536) + Math.floor(mid / 65536)) >>> 0;
  return product;
}
