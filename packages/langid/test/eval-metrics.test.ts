import { evaluate } from '../src/eval/evaluate.js';
import { lowRecallLanguages } from '../src/eval/metrics.js';
import { dataIdentity, LANGID_VERSION } from '../src/eval/signature.js';
import type { LangPrediction } from '../src/prediction.js';

const predict = (tag: string, score: number): LangPrediction => ({ tag, score, top: [[tag, score]] });

// Six sentences of three languages; worked out by hand in the comments.
const gold = [
  { tag: 'eng_Latn', text: 'one' },
  { tag: 'eng_Latn', text: 'two' },
  { tag: 'eng_Latn', text: 'three' },
  { tag: 'fra_Latn', text: 'un' },
  { tag: 'fra_Latn', text: 'deux' },
  { tag: 'deu_Latn', text: 'eins' },
];
const predictions = [
  predict('eng_Latn', 0.95),
  predict('en', 0.85), // any spelling toTag accepts
  predict('fra_Latn', 0.65),
  predict('fra_Latn', 0.72),
  { tag: 'und_Zyyy', score: 0, top: [], reason: 'below-threshold' },
  predict('eng_Latn', 0.55),
];

describe('evaluate', () => {
  const result = evaluate(gold, predictions, { model: { name: 'toy', hash: 'abcdef012345' }, data: { name: 'six', hash: '0123456789ab' } });

  test('accuracy, macro-F1, mean FPR and und rate', () => {
    expect(result.all.sentences).toBe(6);
    expect(result.all.languages).toBe(3);
    expect(result.all.correct).toBe(3);
    expect(result.all.accuracy).toBe(0.5);
    // F1: eng 2/3, fra 1/2, deu 0.
    expect(result.all.macroF1).toBeCloseTo(7 / 18, 12);
    // FPR: eng 1/(6-3), fra 1/(6-2), deu 0/(6-1).
    expect(result.all.meanFpr).toBeCloseTo(7 / 36, 12);
    expect(result.all.undRate).toBeCloseTo(1 / 6, 12);
  });

  test('per-language precision, recall, F1, FPR and main confusion', () => {
    const [deu, eng, fra] = result.all.perLanguage;
    expect(eng).toMatchObject({ tag: 'eng_Latn', support: 3, predicted: 3, correct: 2, falsePositives: 1, mainConfusion: { tag: 'fra_Latn', count: 1 } });
    expect(eng?.precision).toBeCloseTo(2 / 3, 12);
    expect(eng?.recall).toBeCloseTo(2 / 3, 12);
    expect(eng?.fpr).toBeCloseTo(1 / 3, 12);
    expect(fra).toMatchObject({ tag: 'fra_Latn', support: 2, predicted: 2, correct: 1, precision: 0.5, recall: 0.5, f1: 0.5, fpr: 0.25, undetermined: 1 });
    expect(fra?.mainConfusion).toBeUndefined();
    expect(fra?.rejectedBestGuess).toBeUndefined();
    expect(deu).toMatchObject({ tag: 'deu_Latn', support: 1, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0, fpr: 0, mainConfusion: { tag: 'eng_Latn', count: 1 } });
  });

  test('confusions are every off-diagonal cell, most frequent first then by tag', () => {
    expect(result.all.confusions).toEqual([
      { gold: 'deu_Latn', predicted: 'eng_Latn', count: 1 },
      { gold: 'eng_Latn', predicted: 'fra_Latn', count: 1 },
      { gold: 'fra_Latn', predicted: 'und_Zyyy', count: 1 },
    ]);
  });

  test('rejected answers are explained by their best guess', () => {
    const arabic = ['arb_Arab', 'arb_Arab', 'arb_Arab', 'ary_Arab'].map((tag) => ({ tag, text: '' }));
    const rejected = (guess: string): LangPrediction => ({ tag: 'und_Zyyy', score: 0.6, top: [[guess, 0.4]], reason: 'below-threshold' });
    const metrics = evaluate(arabic, [rejected('arb_Arab'), rejected('ary_Arab'), rejected('ary'), rejected('ar')]).all;
    expect(metrics.perLanguage[0]).toMatchObject({ tag: 'arb_Arab', undetermined: 3, rejectedBestGuess: { tag: 'ary_Arab', count: 2 } });
    // `ar` on ary_Arab text is right under nested macrolanguage matching: right but unsure.
    expect(metrics.perLanguage[1]).toMatchObject({ tag: 'ary_Arab', undetermined: 1, rejectedBestGuess: { tag: 'ary_Arab', count: 1 } });
    expect(metrics.confusions).toEqual([
      { gold: 'arb_Arab', predicted: 'und_Zyyy', count: 3 },
      { gold: 'ary_Arab', predicted: 'und_Zyyy', count: 1 },
    ]);
    expect(metrics.confusionsBeforeRejection).toEqual([{ gold: 'arb_Arab', predicted: 'ary_Arab', count: 2 }]);
    expect(metrics.calibration.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(0);
  });

  test('ECE over determined predictions, 15 bins', () => {
    // Bins hold one prediction each: |1-.95| + |1-.85| + |0-.65| + |1-.72| + |0-.55|, over 5.
    expect(result.all.calibration.ece).toBeCloseTo(1.68 / 5, 12);
    expect(result.all.calibration.bins).toHaveLength(15);
    expect(result.all.calibration.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);
  });

  test('signature names model, data, size and settings', () => {
    expect(result.signature).toBe(`model:toy@abcdef012345|data:six@0123456789ab|n:6|langs:3|level:sentence|macro:nested|version:${LANGID_VERSION}`);
  });

  test('supportedOnly restricts to the gold languages a peer supports', () => {
    const peer = evaluate(gold, predictions, { supportedLanguages: ['en', 'fr'], model: { name: 'peer', hash: '000000000001' } });
    const subset = peer.supportedOnly;
    expect(subset?.sentences).toBe(5);
    expect(subset?.accuracy).toBe(0.6);
    // eng: precision 1, recall 2/3 → F1 0.8; fra 0.5.
    expect(subset?.macroF1).toBeCloseTo(0.65, 12);
    expect(subset?.signature).toContain('|n:5|langs:2|');
    expect(subset?.signature).toContain('|subset:supported|');
    expect(peer.signature).toContain(`|data:data@${dataIdentity('data', gold).hash}|`);
  });

  test('lowRecallLanguages lists the weakest first', () => {
    expect(lowRecallLanguages(result.all).map((language) => language.tag)).toEqual(['deu_Latn', 'fra_Latn', 'eng_Latn']);
    expect(lowRecallLanguages(result.all, 0.6).map((language) => language.tag)).toEqual(['deu_Latn', 'fra_Latn']);
  });

  test('rejects mismatched lengths and bad gold labels', () => {
    expect(() => evaluate(gold, predictions.slice(1))).toThrow('got 6 gold sentences but 5 predictions');
    expect(() => evaluate([{ tag: 'not a tag', text: 'x' }], [predict('eng_Latn', 1)])).toThrow(/cannot map "not a tag"/);
  });

  test('the data hash changes with any label or text', () => {
    const base = dataIdentity('d', gold).hash;
    expect(base).toMatch(/^[0-9a-f]{12}$/);
    expect(dataIdentity('d', [...gold.slice(0, 5), { tag: 'deu_Latn', text: 'zwei' }]).hash).not.toBe(base);
    expect(dataIdentity('d', [...gold.slice(0, 5), { tag: 'nld_Latn', text: 'eins' }]).hash).not.toBe(base);
  });
});
