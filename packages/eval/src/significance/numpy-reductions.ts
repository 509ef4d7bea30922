/**
 * The reductions sacrebleu's statistical tests run through NumPy and Python's `statistics`, with
 * their exact rounding: `ndarray.mean()` (pairwise summation, numpy/_core/src/umath/loops_utils.h)
 * in float64 or float32, and `statistics.mean` (exact rational sum, one final rounding).
 */

/** numpy `pairwise_sum`: blocks of 8 accumulators up to 128 elements, halving above. */
function pairwiseSum(a: ArrayLike<number>, start: number, n: number, round: (x: number) => number): number {
  if (n < 8) {
    let res = -0.0; // numpy starts the short loop from -0.0 so that sums of -0.0 stay -0.0
    for (let i = 0; i < n; i++) res = round(res + (a[start + i] as number));
    return res;
  }
  if (n <= 128) {
    const r = new Array<number>(8);
    for (let j = 0; j < 8; j++) r[j] = a[start + j] as number;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = round((r[j] as number) + (a[start + i + j] as number));
    }
    let res = round(
      round(round((r[0] as number) + (r[1] as number)) + round((r[2] as number) + (r[3] as number))) +
        round(round((r[4] as number) + (r[5] as number)) + round((r[6] as number) + (r[7] as number))),
    );
    for (; i < n; i++) res = round(res + (a[start + i] as number));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return round(pairwiseSum(a, start, n2, round) + pairwiseSum(a, start + n2, n - n2, round));
}

const identity = (x: number): number => x;

/** `arr.mean()` of a contiguous 1-D float64 (`float32 = false`) or float32 array. */
export function numpyMean(values: ArrayLike<number>, float32: boolean): number {
  const round = float32 ? Math.fround : identity;
  return round(pairwiseSum(values, 0, values.length, round) / values.length);
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** A finite double as an exact BigInt multiple of 2^-1074. */
function toScaledBigInt(x: number): bigint {
  F64[0] = Math.abs(x);
  const hi = U32[1] as number;
  const lo = U32[0] as number;
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const value = biased === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(biased - 1);
  return x < 0 ? -value : value;
}

/** The double nearest to num / den (ties to even), for den > 0. */
function ratioToDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const magnitude = num < 0n ? -num : num;
  // Scale so that the quotient has at least 54 significant bits, keep 53 (fewer for subnormals,
  // whose last bit is worth 2^-1074) and round the dropped part half to even.
  const shift = Math.max(0, 54 - (magnitude.toString(2).length - den.toString(2).length));
  const scaled = magnitude << BigInt(shift);
  let q = scaled / den;
  const inexact = scaled % den !== 0n;
  let exp = -shift;
  const drop = Math.max(q.toString(2).length - 53, -1074 - exp);
  if (drop > 0) {
    const dropped = q & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    q >>= BigInt(drop);
    exp += drop;
    if (dropped > half || (dropped === half && (inexact || (q & 1n) === 1n))) q += 1n;
  }
  const result = Number(q) * 2 ** exp;
  return num < 0n ? -result : result;
}

/**
 * Python `statistics.mean` of floats: the exact mean, rounded once (to a double, or to a float32
 * via a double when the values are NumPy float32 scalars, as `np.float32(Fraction)` does).
 */
export function exactMean(values: ArrayLike<number>, float32: boolean): number {
  let total = 0n;
  for (let i = 0; i < values.length; i++) total += toScaledBigInt(values[i] as number);
  const mean = ratioToDouble(total, BigInt(values.length) << 1074n);
  return float32 ? Math.fround(mean) : mean;
}
