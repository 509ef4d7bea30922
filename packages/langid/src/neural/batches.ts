/** The bags (bags.ts) each objective reads, built from code point sequences (char-features.ts). */
import { BagBuilder, type Bags } from './bags.js';
import { ngramIds, type FeatureConfig } from './char-features.js';
import { maskSequence, type Span } from './masking.js';

type Features = Pick<FeatureConfig, 'orders' | 'buckets'>;

/** One bag per sentence: every n-gram of every position, weighted 1/positions (the mean of the position vectors). */
export function sentenceBags(sequences: ReadonlyArray<readonly number[]>, features: Features): Bags {
  const builder = new BagBuilder();
  for (const sequence of sequences) {
    const ids = ngramIds(sequence, features);
    builder.add(ids, 0, ids.length, sequence.length > 0 ? 1 / sequence.length : 0);
  }
  return builder.build();
}

export interface ReconstructionBatch {
  /** One bag per sentence in the n-gram table: its visible (unmasked) positions, weighted 1/visible positions. */
  context: Bags;
  /** One bag per masked position in the n-gram table: the n-grams ending there in the masked sequence. */
  local: Bags;
  /** One bag per masked position in the decoder's table: the original character before it (`startIndex` at the start). */
  previous: Bags;
  /** The sentence of each masked position. */
  rows: Int32Array;
  /** Target index of each masked position's original character. */
  targets: Int32Array;
}

/**
 * The encoder's n-grams come from the masked sequence, so no n-gram reaching into the span carries a masked
 * letter; the reconstruction head predicts each masked position's original character.
 */
export function reconstructionBatch(
  sequences: ReadonlyArray<readonly number[]>,
  spans: readonly Span[],
  targetIndex: (codePoint: number) => number,
  startIndex: number,
  features: Features,
): ReconstructionBatch {
  const orders = features.orders.length;
  const context = new BagBuilder();
  const local = new BagBuilder();
  const previous = new BagBuilder();
  const rows: number[] = [];
  const targets: number[] = [];
  sequences.forEach((sequence, row) => {
    const span = spans[row] as Span;
    const ids = ngramIds(maskSequence(sequence, span), features);
    const visible = Int32Array.from([...ids.subarray(0, span.start * orders), ...ids.subarray(span.end * orders)]);
    const visiblePositions = sequence.length - (span.end - span.start);
    context.add(visible, 0, visible.length, visiblePositions > 0 ? 1 / visiblePositions : 0);
    for (let t = span.start; t < span.end; t++) {
      local.add(ids, t * orders, (t + 1) * orders, 1);
      previous.add([t === 0 ? startIndex : targetIndex(sequence[t - 1] as number)], 0, 1, 1);
      rows.push(row);
      targets.push(targetIndex(sequence[t] as number));
    }
  });
  return { context: context.build(), local: local.build(), previous: previous.build(), rows: Int32Array.from(rows), targets: Int32Array.from(targets) };
}
