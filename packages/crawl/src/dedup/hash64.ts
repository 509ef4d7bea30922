/**
 * A 64-bit fingerprint as two 32-bit MurmurHash3-style lanes (different constants, so they do not
 * move together) over UTF-16 code units, two units per block. Pure JS is ~10× faster than
 * node:crypto md5/sha1 on paragraph-sized keys (bench/crawl/text.js): a createHash call costs more
 * than hashing the paragraph itself.
 */
/**
 * `Math.imul` as a module binding: inside vm contexts (jest runs tests in them) every `Math`
 * lookup in a hot loop goes through the context's global interceptor and costs ~100× more.
 */
export const imul = Math.imul;

export interface Hash64 {
  hi: number;
  lo: number;
}

/** MurmurHash3's 32-bit finaliser: full avalanche of a 32-bit value. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One MurmurHash3 x86_32 body step; the second lane uses other constants so the lanes do not move together. */
export function murmurStep(h: number, block: number): number {
  let k = imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  let next = h ^ imul(k, 0x1b873593);
  next = (next << 13) | (next >>> 19);
  return (imul(next, 5) + 0xe6546b64) | 0;
}

function murmurStep2(h: number, block: number): number {
  let k = imul(block, 0x85ebca77);
  k = (k << 13) | (k >>> 19);
  let next = h ^ imul(k, 0xc2b2ae3d);
  next = (next << 17) | (next >>> 15);
  return (imul(next, 9) + 0x27d4eb2f) | 0;
}

/** Fingerprint of `length` UTF-16 code units. */
export function hashUnits(units: Uint16Array, length: number, seed = 0): Hash64 {
  let hi = seed ^ 0x2545f491;
  let lo = seed ^ 0x9e3779b9;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const block = units[i]! | (units[i + 1]! << 16);
    hi = murmurStep(hi, block);
    lo = murmurStep2(lo, block);
  }
  if (i < length) {
    hi = murmurStep(hi, units[i]!);
    lo = murmurStep2(lo, units[i]!);
  }
  return { hi: fmix32(hi ^ length), lo: fmix32(lo ^ imul(length, 0x9e3779b1)) };
}

/** Folds `next` into `accumulator` (order-sensitive), for fingerprints of sequences. */
export function combineHash64(accumulator: Hash64, next: Hash64): Hash64 {
  return { hi: fmix32(murmurStep(accumulator.hi, next.hi) ^ next.lo), lo: fmix32(murmurStep2(accumulator.lo, next.lo) ^ next.hi) };
}
