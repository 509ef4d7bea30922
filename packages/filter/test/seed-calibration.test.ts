import { loadUdhr } from '@ntl/langid';
import { calibrateThresholds, calibrateOnSeed, heuristicsFilter, repetitionFilter, seedDocuments, SEED_CALIBRATED } from '@ntl/filter';

describe('seedDocuments', () => {
  it('cuts each language into page-sized documents, keeping a short remainder only when it is all there is', () => {
    const texts = [
      ...['aaaa', 'bbbb', 'cccc', 'dddd', 'ee'].map((text) => ({ tag: 'eng_Latn', text })),
      { tag: 'und_Zyyy', text: 'ignored' },
      { tag: 'fra_Latn', text: 'court' },
    ];
    const docs = seedDocuments(texts, 8);
    expect(docs.map((doc) => [doc.lang?.tag, doc.text])).toEqual([
      ['eng_Latn', 'aaaa\nbbbb'],
      ['eng_Latn', 'cccc\ndddd'],
      ['fra_Latn', 'court'],
    ]);
  });
});

describe('calibrateThresholds, direction loosen', () => {
  it('keeps a language’s own value only where it is looser than the default', () => {
    const scores = { tight: [4, 5, 6], loose: [1.5, 4, 5], few: [1] };
    const min = calibrateThresholds(scores, { bound: 'min', default: 3, excluded: 0, minSamples: 2, direction: 'loosen' });
    expect(min.perLanguage).toEqual({ loose: 1.5 });
    expect(min.fallback).toEqual(['few']);
    const percentile = calibrateThresholds(scores, { bound: 'min', default: 3, excluded: 0, minSamples: 2 });
    expect(percentile.perLanguage).toEqual({ loose: 1.5, tight: 4 });
  });
});

describe('calibrateOnSeed', () => {
  it('loosens the English-made word-length bound for Malayalam and leaves English alone', async () => {
    const udhr = (await loadUdhr({ unit: 'paragraph' })).filter((t) => t.tag === 'mal_Mlym' || t.tag === 'eng_Latn');
    const file = await calibrateOnSeed(seedDocuments(udhr), [heuristicsFilter, repetitionFilter]);
    const maxWordLength = file.filters['filter.heuristics']?.['maxMeanWordLength'];
    expect(maxWordLength?.default).toBe(10);
    expect(Object.keys(maxWordLength?.perLanguage ?? {})).toEqual(['mal_Mlym']);
    expect(maxWordLength?.perLanguage['mal_Mlym']).toBeGreaterThan(10);
    expect(maxWordLength?.samples['eng_Latn']).toBeGreaterThanOrEqual(3);
    // Length measures are the seed's, not the web's: never calibrated from seed text.
    for (const [step, thresholds] of Object.entries(file.filters)) expect(Object.keys(thresholds).every((name) => SEED_CALIBRATED[step]?.includes(name))).toBe(true);
    expect(file.filters['filter.heuristics']?.['minWords']).toBeUndefined();
  });
});
