import { describe, expect, it } from '@jest/globals';
import { axisPosition, binCount, binOf, binRange, mergeStats, Stats, type HistogramScale } from '@ntl/core';

/** Deterministic values spanning what filters score: shares, counts, tiny and huge ratios, zeros. */
function sampleValues(): number[] {
  const values = [0, 1, 0.05, 0.95, 0.999, 2 ** -12, 2 ** -10, 1e-300, 2 ** 40, 1e12, 3, 8, 100_000];
  let state = 7;
  for (let i = 0; i < 2000; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const unit = state / 2 ** 31;
    values.push(unit, Math.round(unit * 500), 2 ** (unit * 60 - 20));
  }
  return values;
}

describe('histogram bins', () => {
  it('puts shares in 20 bins of 0.05, with 1 in the last', () => {
    expect([0, 0.049, 0.05, 0.5, 0.9999, 1].map((value) => binOf('share', value))).toEqual([0, 0, 1, 10, 19, 19]);
    expect(binRange('share', 10)).toEqual([0.5, 0.55]);
  });

  it('puts counts in quarter octaves, zero in its own bin, and clamps the extremes', () => {
    expect(binOf('log', 0)).toBe(0);
    expect(binOf('log', -3)).toBe(0);
    expect(binOf('log', Number.NaN)).toBe(0);
    expect(binOf('log', 1)).toBe(41);
    expect(binOf('log', 2)).toBe(45);
    expect(binOf('log', 1e-300)).toBe(1);
    expect(binOf('log', 1e300)).toBe(binCount('log') - 1);
    expect(binRange('log', 45)).toEqual([2, 2 ** 1.25]);
  });

  it.each(['share', 'log'] as HistogramScale[])('agrees with its own ranges and axis positions (%s)', (scale) => {
    for (const value of sampleValues()) {
      if (scale === 'share' && value > 1) continue;
      const bin = binOf(scale, value);
      const [low, high] = binRange(scale, bin);
      // Closed at the top where the axis ends: 1 for shares, 0 for the log histogram's zero bin, and the clamped last bin.
      const lastBin = bin === binCount(scale) - 1;
      const inside = (value >= low || bin === 1) && (value < high || value === high || lastBin);
      if (value === high && !(lastBin || (scale === 'log' && bin === 0))) throw new Error(`${scale} ${value} fell in bin ${bin} whose top is open`);
      if (!inside) throw new Error(`${scale} ${value} fell in bin ${bin} = [${low}, ${high})`);
      if (bin > 0 && bin < binCount(scale) - 1 && value > 0) expect(Math.floor(axisPosition(scale, value))).toBe(scale === 'share' && value === 1 ? 20 : bin);
    }
  });
});

describe('histograms in Stats', () => {
  it('are kept sparse, folded by summing bins, and independent of rank order', () => {
    const marks = [{ name: 'minShare', bound: 'min' as const, value: 0.1 }];
    const rank = (values: number[]): Stats => {
      const stats = new Stats();
      for (const value of values) stats.histogram('filter.x.lang.eng_Latn.share', 'share', marks).add(value);
      return stats;
    };
    const a = rank([0.01, 0.5, 0.52]).snapshot();
    const b = rank([0.5, 1]).snapshot();
    expect(a.histograms).toEqual({ 'filter.x.lang.eng_Latn.share': { scale: 'share', marks, bins: { '0': 1, '10': 2 } } });
    const merged = mergeStats([a, b]);
    expect(merged.histograms?.['filter.x.lang.eng_Latn.share']?.bins).toEqual({ '0': 1, '10': 3, '19': 1 });
    expect(mergeStats([b, a])).toEqual(merged);
    // The fold copies: the ranks' snapshots are unchanged.
    expect(a.histograms?.['filter.x.lang.eng_Latn.share']?.bins).toEqual({ '0': 1, '10': 2 });
  });

  it('merges stats written before histograms existed', () => {
    const old = { counters: { a: 1 }, timings: {}, events: {} };
    expect(mergeStats([old, old])).toEqual({ counters: { a: 2 }, timings: {}, events: {}, histograms: {} });
  });

  it('refuses to add bins of different scales under one key', () => {
    const share = new Stats();
    share.histogram('k', 'share', []).add(0.5);
    const log = new Stats();
    log.histogram('k', 'log', []).add(5);
    expect(() => mergeStats([share.snapshot(), log.snapshot()])).toThrow('cannot merge a log histogram into a share one');
  });
});
