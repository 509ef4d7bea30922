import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confusableClusters, readClusters, writeClusters } from '../src/clusters/confusable-clusters.js';
import { DisjointSets } from '../src/clusters/disjoint-sets.js';
import { evaluate } from '../src/eval/evaluate.js';
import type { LangPrediction } from '../src/prediction.js';

const perLanguage = [
  { tag: 'bos_Latn', support: 100 },
  { tag: 'hrv_Latn', support: 100 },
  { tag: 'srp_Latn', support: 100 },
  { tag: 'zsm_Latn', support: 50 },
  { tag: 'ind_Latn', support: 100 },
  { tag: 'fao_Latn', support: 5 },
  { tag: 'isl_Latn', support: 5 },
];
const confusions = [
  { gold: 'bos_Latn', predicted: 'hrv_Latn', count: 8 },
  { gold: 'hrv_Latn', predicted: 'bos_Latn', count: 3 }, // pooled 11/200 = 0.055 > 0.05: linked
  { gold: 'hrv_Latn', predicted: 'srp_Latn', count: 10 }, // 10/200 = 0.05, not above: not linked
  { gold: 'zsm_Latn', predicted: 'ind_Latn', count: 10 }, // 10/150 ≈ 0.067: linked
  { gold: 'ind_Latn', predicted: 'min_Latn', count: 6 }, // min has no support: 6/100: linked
  { gold: 'srp_Latn', predicted: 'und_Zyyy', count: 50 }, // undetermined links nothing
  { gold: 'fao_Latn', predicted: 'isl_Latn', count: 1 }, // 1/10 but one sentence: below minCount
];

describe('confusableClusters', () => {
  test('links by pooled confusion rate and takes connected components', () => {
    const result = confusableClusters({ perLanguage, confusions }, { signature: 'sig' });
    expect(result.clusters).toEqual([
      ['ind_Latn', 'min_Latn', 'zsm_Latn'],
      ['bos_Latn', 'hrv_Latn'],
    ]);
    expect(result.links.map(({ a, b, count }) => [a, b, count])).toEqual([
      ['ind_Latn', 'zsm_Latn', 10],
      ['ind_Latn', 'min_Latn', 6],
      ['bos_Latn', 'hrv_Latn', 11],
    ]);
    expect(result.links[0]?.rate).toBeCloseTo(10 / 150, 12);
    expect(result).toMatchObject({ threshold: 0.05, minCount: 2, signature: 'sig' });
  });

  test('threshold and minCount are options', () => {
    const loose = confusableClusters({ perLanguage, confusions }, { threshold: 0.04, minCount: 1 });
    expect(loose.clusters).toEqual([
      ['bos_Latn', 'hrv_Latn', 'srp_Latn'],
      ['ind_Latn', 'min_Latn', 'zsm_Latn'],
      ['fao_Latn', 'isl_Latn'],
    ]);
    expect(() => confusableClusters({ perLanguage, confusions }, { threshold: 1 })).toThrow('threshold must be in [0, 1)');
  });

  test('takes an evaluation result directly', () => {
    const gold = ['bos_Latn', 'bos_Latn', 'hrv_Latn', 'hrv_Latn', 'eng_Latn'].map((tag) => ({ tag, text: '' }));
    const predicted = ['hrv_Latn', 'hrv_Latn', 'hrv_Latn', 'bos_Latn', 'eng_Latn'];
    const result = evaluate(
      gold,
      predicted.map((tag) => ({ tag, score: 1, top: [] })),
    );
    expect(confusableClusters(result.all, { signature: result.signature }).clusters).toEqual([['bos_Latn', 'hrv_Latn']]);
  });

  test('rejected answers count for their best guess', () => {
    const gold = ['arb_Arab', 'arb_Arab', 'ary_Arab', 'ary_Arab'].map((tag) => ({ tag, text: '' }));
    const rejected = (guess: string): LangPrediction => ({ tag: 'und_Zyyy', score: 0.5, top: [[guess, 0.5]] });
    const result = evaluate(gold, [rejected('ary_Arab'), rejected('arb_Arab'), rejected('arb_Arab'), rejected('ary_Arab')]);
    expect(confusableClusters(result.all).clusters).toEqual([['arb_Arab', 'ary_Arab']]);
    expect(confusableClusters({ perLanguage: result.all.perLanguage, confusions: result.all.confusions }).clusters).toEqual([]);
  });

  test('write and read back; a bad file says what it expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-clusters-'));
    const path = join(dir, 'clusters.json');
    const clusters = confusableClusters({ perLanguage, confusions });
    writeClusters(path, clusters);
    expect(readClusters(path)).toEqual(clusters);
    writeFileSync(path, '{"clusters": "bos_Latn"}');
    expect(() => readClusters(path)).toThrow(`${path}: not a confusable-clusters file`);
  });
});

describe('DisjointSets', () => {
  test('unions chain into one set; untouched keys stay alone', () => {
    const sets = new DisjointSets();
    sets.union('a', 'b');
    sets.union('c', 'd');
    sets.union('b', 'd');
    sets.add('e');
    expect(sets.find('a')).toBe(sets.find('c'));
    expect(sets.find('e')).toBe('e');
    expect(sets.groups().map((group) => group.sort())).toEqual([['a', 'b', 'c', 'd'], ['e']]);
  });
});
