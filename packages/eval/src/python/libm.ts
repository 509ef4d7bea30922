/**
 * Correctly rounded `exp` and `log`. CPython's `math.exp`/`math.log` call the C library, and
 * glibc's are correctly rounded in all but rare cases; V8's `Math.exp`/`Math.log` (fdlibm ports)
 * are one ulp off for a few percent of arguments, which made BLEU differ from sacrebleu in the last
 * bits. Both functions evaluate in double-double arithmetic (~104 bits) and round once.
 */

// Double-double operations write their result to (RH, RL) instead of allocating a pair: these
// run a few hundred times per BLEU score, and bootstrap resampling scores thousands of times.
let RH = 0;
let RL = 0;

const SPLITTER = 134217729; // 2^27 + 1 (Dekker)

/** (RH, RL) = (ah, al) + (bh, bl), with exact two-sums of both parts. */
function add(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  let v = s - ah;
  let e = ah - (s - v) + (bh - v);
  const t = al + bl;
  v = t - al;
  const f = al - (t - v) + (bl - v);
  e += t;
  const s2 = s + e;
  e = e - (s2 - s) + f;
  RH = s2 + e;
  RL = e - (RH - s2);
}

/** (RH, RL) = (ah, al) × (bh, bl) */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let t = SPLITTER * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLITTER * bh;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  RH = p + e;
  RL = e - (RH - p);
}

/** (RH, RL) = (ah, al) / (bh, bl), by two Newton corrections of the double quotient. */
function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  mul(bh, bl, -q1, 0);
  add(ah, al, RH, RL);
  const q2 = RH / bh;
  const rh = RH;
  const rl = RL;
  mul(bh, bl, -q2, 0);
  add(rh, rl, RH, RL);
  const q3 = RH / bh;
  add(q1, 0, q2, 0);
  add(RH, RL, q3, 0);
}

/** ln 2 as a double-double (error below 1e-33). */
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;

function ddTable(length: number, entry: (prev: [number, number], k: number) => void): Float64Array {
  const t = new Float64Array(2 * length);
  for (let k = 0; k < length; k++) {
    entry([k > 0 ? (t[2 * k - 2] as number) : 0, k > 0 ? (t[2 * k - 1] as number) : 0], k);
    t[2 * k] = RH;
    t[2 * k + 1] = RL;
  }
  return t;
}

/** 1/n! for n = 0..27 (Taylor coefficients of exp). */
const INV_FACT = ddTable(28, ([h, l], n) => (n === 0 ? add(1, 0, 0, 0) : div(h, l, n, 0)));
/** 1/(2k+1) for k = 0..23 (series of atanh). */
const INV_ODD = ddTable(24, (_, k) => div(1, 0, 2 * k + 1, 0));

/** e^x correctly rounded (where the result is a normal double; C-library behaviour elsewhere). */
export function exp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const k = Math.round(x / LN2_HI);
  // r = x - k ln2 in double-double; |r| <= 0.35, where 27 Taylor terms reach 1e-40.
  mul(-k, 0, LN2_HI, LN2_LO);
  add(x, 0, RH, RL);
  const rh = RH;
  const rl = RL;
  let sh = INV_FACT[54] as number;
  let sl = INV_FACT[55] as number;
  for (let n = 26; n >= 0; n--) {
    mul(sh, sl, rh, rl);
    add(RH, RL, INV_FACT[2 * n] as number, INV_FACT[2 * n + 1] as number);
    sh = RH;
    sl = RL;
  }
  return (sh + sl) * 2 ** k;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** ln x correctly rounded for positive normal x (C-library behaviour elsewhere). */
export function log(x: number): number {
  if (!(x >= 2.2250738585072014e-308 && x < Infinity)) return Math.log(x);
  // x = m · 2^e with m in [sqrt(1/2), sqrt(2)).
  F64[0] = x;
  let e = ((U32[1] as number) >>> 20) - 1023;
  let m = x * 2 ** -e;
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  // ln m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.172: 24 odd terms reach 1e-36.
  add(m, 0, 1, 0);
  div(m - 1, 0, RH, RL);
  const sh = RH;
  const sl = RL;
  mul(sh, sl, sh, sl);
  const s2h = RH;
  const s2l = RL;
  let ph = INV_ODD[46] as number;
  let pl = INV_ODD[47] as number;
  for (let k = 22; k >= 0; k--) {
    mul(ph, pl, s2h, s2l);
    add(RH, RL, INV_ODD[2 * k] as number, INV_ODD[2 * k + 1] as number);
    ph = RH;
    pl = RL;
  }
  mul(2 * sh, 2 * sl, ph, pl);
  const lh = RH;
  const ll = RL;
  mul(e, 0, LN2_HI, LN2_LO);
  add(RH, RL, lh, ll);
  return RH + RL;
}
