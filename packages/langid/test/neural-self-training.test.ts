import { selectPseudoLabels } from '../src/neural/pseudo-labels.js';
import type { LangPrediction } from '../src/prediction.js';

const said = (tag: string, score: number): LangPrediction => ({ tag, score, top: [[tag, score]] });
const rejected: LangPrediction = { tag: 'und_Zyyy', score: 1, top: [], reason: 'no-letters' };

describe('selectPseudoLabels', () => {
  test('keeps only confident predictions that stage 1 agrees with', () => {
    // Stage 1's answer counts, not its top candidate: a below-threshold rejection agrees with nothing.
    const belowThreshold: LangPrediction = { tag: 'und_Zyyy', score: 0.6, top: [['fra_Latn', 0.4]], reason: 'below-threshold' };
    const neural = [said('fra_Latn', 0.95), said('fra_Latn', 0.85), said('deu_Latn', 0.99), said('ita_Latn', 0.9), rejected, said('fra_Latn', 0.97)];
    const stage1 = [said('fra_Latn', 0.4), said('fra_Latn', 0.9), said('nld_Latn', 0.8), said('ita_Latn', 0.7), rejected, belowThreshold];
    const selection = selectPseudoLabels(neural, stage1, { minScore: 0.9, maxPerLanguage: 10 });
    expect(selection.kept).toEqual([
      { index: 0, tag: 'fra_Latn', score: 0.95 },
      { index: 3, tag: 'ita_Latn', score: 0.9 },
    ]);
    expect(selection.counts).toEqual({ pool: 6, confident: 4, agreeing: 2, kept: 2 });
    expect(selection.perLanguage).toEqual({ fra_Latn: 1, ita_Latn: 1 });
  });

  test('caps each language at its most confident sentences, in pool order', () => {
    const scores = [0.91, 0.99, 0.93, 0.97, 0.95, 0.92];
    const neural = [...scores.map((score) => said('swh_Latn', score)), said('yor_Latn', 0.96)];
    const stage1 = [...scores.map(() => said('swh_Latn', 0.5)), said('yor_Latn', 0.5)];
    const selection = selectPseudoLabels(neural, stage1, { minScore: 0.9, maxPerLanguage: 3 });
    expect(selection.kept.map(({ index }) => index)).toEqual([1, 3, 4, 6]);
    expect(selection.counts).toEqual({ pool: 7, confident: 7, agreeing: 7, kept: 4 });
    expect(selection.perLanguage).toEqual({ swh_Latn: 3, yor_Latn: 1 });
  });

  test('defaults: score ≥ 0.9, 300 per language', () => {
    const neural = Array.from({ length: 305 }, (_, i) => said('hau_Latn', i === 0 ? 0.89 : 0.9));
    const stage1 = neural.map(() => said('hau_Latn', 0.2));
    const selection = selectPseudoLabels(neural, stage1);
    expect(selection.counts).toEqual({ pool: 305, confident: 304, agreeing: 304, kept: 300 });
    expect(selection.kept[0]?.index).toBe(1);
  });

  test('needs one stage-1 prediction per neural prediction', () => {
    expect(() => selectPseudoLabels([said('fra_Latn', 1)], [])).toThrow('1 neural predictions for 0 stage-1 predictions');
  });
});
