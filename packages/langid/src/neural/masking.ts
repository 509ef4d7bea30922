/**
 * MASS's masking (Song et al. 2019, §2): one contiguous span covering a fraction of the sentence (50% in the
 * paper) is hidden from the encoder, and the model is trained to reconstruct it.
 */
import { MASK_CODE_POINT } from './char-features.js';

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** A span of round(length · fraction) positions (at least 1, at most length), starting uniformly at random. */
export function maskSpan(length: number, fraction: number, random: () => number): Span {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`mask fraction must be in (0, 1], got ${fraction}`);
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`cannot mask a sequence of length ${length}`);
  const size = Math.min(length, Math.max(1, Math.round(length * fraction)));
  const start = Math.floor(random() * (length - size + 1));
  return { start, end: start + size };
}

/**
 * The sequence with the span's code points replaced by MASK_CODE_POINT. The encoder's n-gram ids are computed
 * from this, so an n-gram that reaches into the span (the bigram right after it) carries no masked letter.
 */
export function maskSequence(codePoints: readonly number[], span: Span): number[] {
  return codePoints.map((codePoint, i) => (i >= span.start && i < span.end ? MASK_CODE_POINT : codePoint));
}
