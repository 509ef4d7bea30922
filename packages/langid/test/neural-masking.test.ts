import { concatBags, BagBuilder } from '../src/neural/bags.js';
import { reconstructionBatch, sentenceBags } from '../src/neural/batches.js';
import { MASK_CODE_POINT, ngramIds, sequenceOf } from '../src/neural/char-features.js';
import { EmbeddingTable, SparseAdam } from '../src/neural/embedding-table.js';
import { maskSequence, maskSpan } from '../src/neural/masking.js';
import { buildTargetVocabulary, targetIndexer } from '../src/neural/target-vocabulary.js';
import { seededRandom } from '../src/seed/seeded-random.js';

const features = { maxLength: 16, orders: [1, 2, 3], buckets: 1000, modelText: { lowercase: true } };
const codes = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) as number);

describe('maskSpan', () => {
  test('masks one contiguous span of round(length × fraction) positions, anywhere in the sentence', () => {
    const random = seededRandom(7);
    const starts = new Set<number>();
    for (const [length, fraction, size] of [
      [10, 0.5, 5],
      [11, 0.5, 6],
      [7, 0.3, 2],
      [3, 0.1, 1],
      [4, 1, 4],
    ] as const) {
      for (let trial = 0; trial < 50; trial++) {
        const span = maskSpan(length, fraction, random);
        expect(span.end - span.start).toBe(size);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(length);
        if (length === 10) starts.add(span.start);
      }
    }
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('rejects fractions outside (0, 1] and empty sequences', () => {
    expect(() => maskSpan(10, 0, Math.random)).toThrow('mask fraction must be in (0, 1], got 0');
    expect(() => maskSpan(10, 1.5, Math.random)).toThrow(RangeError);
    expect(() => maskSpan(0, 0.5, Math.random)).toThrow('cannot mask a sequence of length 0');
  });

  test('maskSequence replaces exactly the span', () => {
    const masked = maskSequence(codes('abcdef'), { start: 2, end: 5 });
    expect(masked).toEqual([...codes('ab'), MASK_CODE_POINT, MASK_CODE_POINT, MASK_CODE_POINT, ...codes('f')]);
  });
});

describe('character features', () => {
  test('sequences are the letters-only model text framed by spaces and cut to maxLength', () => {
    expect(sequenceOf('Hello, World 42!', features)).toEqual(codes(' hello world '));
    expect(sequenceOf('Ünïcödé 😀 text that is much longer than sixteen', features)).toEqual(codes(' ünïcödé text t '));
    expect(sequenceOf('12 + 30 = 42 😀', features)).toEqual([]);
    expect(sequenceOf('', features)).toEqual([]);
  });

  test('n-gram ids depend on the n-gram and its order only', () => {
    const ids = ngramIds(codes(' abab'), features);
    expect(ids).toHaveLength(15);
    // ' abab': the unigram 'b' and the bigram 'ab' end at positions 2 and 4; the trigrams there differ (' ab' vs 'bab').
    expect(ids[2 * 3]).toBe(ids[4 * 3]);
    expect(ids[2 * 3 + 1]).toBe(ids[4 * 3 + 1]);
    expect(ids[2 * 3 + 2]).not.toBe(ids[4 * 3 + 2]); // ' ab' vs 'bab'
    expect(ids[1 * 3]).not.toBe(ids[2 * 3]);
    for (const id of ids) expect(id >= 0 && id < features.buckets).toBe(true);
  });
});

describe('reconstruction batches', () => {
  test('masked positions, their previous characters and targets, and the visible context', () => {
    const vocabulary = buildTargetVocabulary([codes('aab'), codes('ac')], 3);
    expect(vocabulary).toEqual(codes('ab'));
    const index = targetIndexer(vocabulary);
    const sequences = [codes(' abc '), codes(' ba ')];
    const batch = reconstructionBatch(sequences, [{ start: 2, end: 4 }, { start: 0, end: 2 }], index, 3, features);
    // Masked: 'b','c' of the first sentence; ' ','b' of the second.
    expect([...batch.rows]).toEqual([0, 0, 1, 1]);
    expect([...batch.targets]).toEqual([2, 0, 0, 2]);
    expect([...batch.previous.ids]).toEqual([1, 2, 3, 0]);
    // Visible context of sentence 0: positions 0, 1, 4 (3 orders each), weighted 1/3; of sentence 1: positions 2, 3.
    expect([...batch.context.offsets]).toEqual([0, 9, 15]);
    expect([...batch.context.weights]).toEqual([1 / 3, 1 / 2].map(Math.fround));
    const maskedIds = ngramIds(maskSequence(sequences[0] as number[], { start: 2, end: 4 }), features);
    expect([...batch.context.ids.subarray(0, 9)]).toEqual([...maskedIds.subarray(0, 6), ...maskedIds.subarray(12, 15)]);
    expect([...batch.local.ids.subarray(0, 3)]).toEqual([...maskedIds.subarray(6, 9)]);
    // The visible position after the span reads the mask, not the masked letter.
    expect(maskedIds[12 + 1]).not.toBe(ngramIds(sequences[0] as number[], features)[12 + 1]);
  });

  test('sentence bags average over positions', () => {
    const bags = sentenceBags([codes(' ab '), codes(' a ')], features);
    expect([...bags.offsets]).toEqual([0, 12, 21]);
    expect([...bags.weights]).toEqual([1 / 4, 1 / 3].map(Math.fround));
  });
});

describe('embedding table and sparse Adam', () => {
  test('lookup sums weighted rows; an update touches only the rows it used', () => {
    const table = new EmbeddingTable(4, 2, Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const bags = concatBags(new BagBuilder().add([0, 2, 2], 0, 3, 0.5).build(), new BagBuilder().add([3], 0, 1, 1).build());
    expect([...table.lookup(bags)]).toEqual([5.5, 7, 7, 8]);
    const adam = new SparseAdam(table, { learningRate: 0.1 });
    adam.update(bags, Float32Array.from([1, -1, 0, 2]));
    // First Adam step moves each touched coordinate with a non-zero gradient by the learning rate against its sign.
    expect([...table.values].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.9, 2.1, 3, 4, 4.9, 6.1, 7, 7.9]);
  });

  test('a seeded table is reproducible', () => {
    expect(EmbeddingTable.random(3, 4, 0.1, 5).values).toEqual(EmbeddingTable.random(3, 4, 0.1, 5).values);
    expect(EmbeddingTable.random(3, 4, 0.1, 5).values).not.toEqual(EmbeddingTable.random(3, 4, 0.1, 6).values);
  });
});
