/**
 * Sizing of the typed-array buffers the one-pass measures reuse from document to document: powers of two,
 * grown for a long document and shrunk back after it, so one long page does not hold its memory for the
 * rest of the run.
 */

/** Buffers up to this many entries are kept between documents whatever the next one needs. */
const KEPT = 1 << 16;
const SMALLEST = 64;

/** The size a buffer of `current` entries should have to hold `needed`: `current` when it can be kept. */
export function scratchSize(current: number, needed: number): number {
  if (current >= needed && (current <= KEPT || current < 2 * needed)) return current;
  let size = SMALLEST;
  while (size < needed) size *= 2;
  return size;
}
