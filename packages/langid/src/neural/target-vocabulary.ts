/**
 * The characters the reconstruction head predicts: the most frequent code points of the training text, plus
 * index 0 for every other one. A full character softmax over 400+ scripts would cost more than the whole
 * encoder; the frequent characters carry the language evidence the objective is there to teach.
 */

/** The `size - 1` most frequent code points (ties by code point); index 0 is reserved for "other". */
export function buildTargetVocabulary(sequences: Iterable<readonly number[]>, size: number): number[] {
  const counts = new Map<number, number>();
  for (const sequence of sequences) for (const codePoint of sequence) counts.set(codePoint, (counts.get(codePoint) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, Math.max(0, size - 1))
    .map(([codePoint]) => codePoint);
}

/** Maps a code point to its target index: 1 + its rank in the vocabulary, 0 when it is not in it. */
export function targetIndexer(vocabulary: readonly number[]): (codePoint: number) => number {
  const index = new Map(vocabulary.map((codePoint, i) => [codePoint, i + 1]));
  return (codePoint) => index.get(codePoint) ?? 0;
}
