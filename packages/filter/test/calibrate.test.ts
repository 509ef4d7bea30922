import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildWordlists, calibrateFilters, calibrateThresholds, quantile, readThresholdsFile, saveWordlists, ScoreSampler, wordlistFilter, writeThresholdsFile } from '@ntl/filter';
import { makeDoc, runFilter } from './filter-harness.js';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('calibrateThresholds', () => {
  it('takes the excluded tail per language, with numpy’s linear quantile', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    const min = calibrateThresholds({ hau_Latn: oneToHundred, yor_Latn: [0.5, 0.6] }, { bound: 'min', default: 0.2, excluded: 0.1, minSamples: 10 });
    expect(min).toEqual({
      bound: 'min',
      excluded: 0.1,
      minSamples: 10,
      default: 0.2,
      perLanguage: { hau_Latn: 10.9 }, // position 99 × 0.1 = 9.9 → 10 + 0.9
      samples: { hau_Latn: 100, yor_Latn: 2 },
      fallback: ['yor_Latn'],
    });
    const max = calibrateThresholds(new Map([['hau_Latn', oneToHundred]]), { bound: 'max', default: 1, excluded: 0.1, range: { min: 0, max: 50 } });
    expect(max.perLanguage).toEqual({ hau_Latn: 50 }); // 90.1, clamped
    expect(calibrateThresholds({ hau_Latn: oneToHundred }, { bound: 'min', default: 0 }).perLanguage).toEqual({ hau_Latn: 1.099 }); // OpusFilter's 0.001
    expect(() => calibrateThresholds({}, { bound: 'min', default: 0, excluded: 1 })).toThrow('excluded must be in [0, 1), got 1');
    expect(() => calibrateThresholds({}, { bound: 'min', default: 0, minSamples: 0 })).toThrow('minSamples must be a positive integer');
  });

  it('calibrates from an annotate run and the filter reads the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-calibrate-'));
    const wordlists = join(dir, 'wordlists');
    saveWordlists(wordlists, buildWordlists([{ tag: 'eng_Latn', text: 'the the sat sat on on' }]));
    // Shares 1, 0.75, 0.5, 0.25 and 0 (tokens of "the sat on x" and "x y z w" mixes).
    const texts = ['the sat on the', 'the sat on x', 'the sat x y', 'the x y z', 'x y z w'];
    const { docs } = await runFilter(wordlistFilter, { wordlists, level: 'document', mode: 'annotate' }, texts.map((text, i) => makeDoc(`d${i}`, text, 'eng_Latn')));
    const sampler = new ScoreSampler();
    for (const doc of docs) sampler.add(doc);
    expect([...(sampler.samples().get('wordlist')?.get('share')?.get('eng_Latn') ?? [])].sort()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const file = calibrateFilters(sampler.samples(), [wordlistFilter], { excluded: 0.5, minSamples: 5 });
    expect(file.filters['filter.wordlist']?.['minShare']?.perLanguage).toEqual({ eng_Latn: 0.5 });
    const path = join(dir, 'thresholds.json');
    writeThresholdsFile(path, file);
    expect(readThresholdsFile(path)).toEqual(file);
    const filtered = await runFilter(wordlistFilter, { wordlists, level: 'document', thresholds: path }, docs.map(({ meta: _meta, ...doc }) => ({ ...doc, meta: {} })));
    expect(filtered.docs.map((doc) => doc.drop?.reason ?? 'kept')).toEqual(['kept', 'kept', 'kept', 'low_wordlist_share', 'low_wordlist_share']);
  });

  it('samples a bounded, order-independent subset', () => {
    const docs = Array.from({ length: 50 }, (_, i) => ({ ...makeDoc(`d${i}`, 'x', 'eng_Latn'), meta: { filters: { wordlist: { document: { scores: { share: i / 50 } } } } } }));
    const forward = new ScoreSampler(10);
    const backward = new ScoreSampler(10);
    docs.forEach((doc) => forward.add(doc));
    [...docs].reverse().forEach((doc) => backward.add(doc));
    const values = (sampler: ScoreSampler): number[] => [...(sampler.samples().get('wordlist')?.get('share')?.get('eng_Latn') ?? [])].sort();
    expect(values(forward)).toHaveLength(10);
    expect(values(forward)).toEqual(values(backward));
  });
});
