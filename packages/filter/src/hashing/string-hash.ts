/**
 * 32-bit string hashes for the bounded-memory tables (count-min sketch, n-gram keys, bottom-k samples).
 * FNV-1a over UTF-16 code units with a seed, finished with murmur3's fmix32 so that nearby seeds give
 * independent-looking hashes (Kirsch–Mitzenmacher double hashing needs two of them).
 */
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An unsigned 32-bit hash of `text`; different seeds give different hash functions. */
export function hashString(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}
