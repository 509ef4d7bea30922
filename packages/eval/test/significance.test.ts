import { readFileSync } from 'node:fs';
import { Bleu, Chrf, NumpyGenerator, Ter, corpusScore, formatPairedResults, formatScore, pairedApproxRandomization, pairedBootstrap, type Metric } from '../src/index.js';

interface Expected {
  score: number;
  p_value: number;
  mean: number;
  ci: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/derived/significance.json', import.meta.url), 'utf8')) as {
  refs: string[][];
  systems: Record<'baseline' | 'sys1' | 'sys2', string[]>;
  expected: Record<string, { baseline_score: number; confidence_1000: { mean: number; ci: number }; bs_baseline: { mean: number; ci: number }; bs: Expected[]; ar: Expected[] }>;
  numpy_default_rng_12345: { random_raw_4: string[]; choice_7_x_12: number[]; then_bool_40: number[] };
};

const metrics: Metric[] = [new Bleu(), new Chrf(), new Ter()];
const baseline = { name: 'Baseline: baseline', hyps: fixture.systems.baseline };
const systems = [
  { name: 'sys1', hyps: fixture.systems.sys1 },
  { name: 'sys2', hyps: fixture.systems.sys2 },
];

describe('NumPy default_rng(12345) draws (PCG64 + SeedSequence)', () => {
  it('matches NumPy 2.4.6 bit for bit', () => {
    const np = fixture.numpy_default_rng_12345;
    expect(new NumpyGenerator(12345).randomRaw(4).map(String)).toEqual(np.random_raw_4);
    const g = new NumpyGenerator(12345);
    expect(Array.from(g.choice(7, 12))).toEqual(np.choice_7_x_12);
    // the boolean draws continue from the generator's buffered 32-bit half
    expect(Array.from(g.booleans(40))).toEqual(np.then_bool_40);
  });

  it('rejects seeds NumPy would not accept as entropy', () => {
    expect(() => new NumpyGenerator(-1)).toThrow(/non-negative/);
    expect(() => new NumpyGenerator(1.5)).toThrow(/non-negative safe integer/);
  });
});

describe('bootstrap confidence and paired tests, as sacrebleu with NumPy 2 computes them', () => {
  it('single-system confidence interval (corpus_score with n_bootstrap=1000)', () => {
    for (const metric of metrics) {
      const e = fixture.expected[metric.name]!;
      const score = corpusScore(metric, baseline.hyps, fixture.refs, { nBootstrap: 1000 });
      expect(score.score).toBeCloseTo(e.baseline_score, 12);
      expect(score.confidence).toEqual({ mean: e.confidence_1000.mean, ci: e.confidence_1000.ci });
      expect(score.signature.format()).toMatch(/^nrefs:2\|bs:1000\|seed:12345\|/);
    }
  });

  it('paired bootstrap resampling: p-values, means and intervals of each system', () => {
    const result = pairedBootstrap(baseline, systems, fixture.refs, metrics, { nSamples: 1000 });
    expect(result.systems).toEqual(['Baseline: baseline', 'sys1', 'sys2']);
    result.metrics.forEach((m) => {
      const e = fixture.expected[m.name]!;
      expect(m.results[0]).toEqual({ score: expect.closeTo(e.baseline_score, 12), mean: e.bs_baseline.mean, ci: e.bs_baseline.ci });
      m.results.slice(1).forEach((r, k) => {
        const x = e.bs[k]!;
        expect(r).toEqual({ score: expect.closeTo(x.score, 12), pValue: x.p_value, mean: x.mean, ci: x.ci });
      });
    });
    expect(result.metrics.map((m) => m.signature.format())).toEqual([
      'nrefs:2|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0',
      'nrefs:2|bs:1000|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0',
      'nrefs:2|bs:1000|seed:12345|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0',
    ]);
  });

  it('paired approximate randomization with bootstrap confidence', () => {
    const result = pairedApproxRandomization(baseline, systems, fixture.refs, metrics, { nSamples: 2000, nConfidence: 300 });
    result.metrics.forEach((m) => {
      const e = fixture.expected[m.name]!;
      m.results.slice(1).forEach((r, k) => {
        const x = e.ar[k]!;
        expect(r).toEqual({ score: expect.closeTo(x.score, 12), pValue: x.p_value, mean: x.mean, ci: x.ci });
      });
    });
    expect(result.metrics[0]!.signature.format()).toBe('nrefs:2|bs:300|ar:2000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0');
  });

  it('a system compared with itself gets p = 1/(n+1): a zero delta is never attributed to chance', () => {
    const same = pairedBootstrap(baseline, [{ name: 'same', hyps: baseline.hyps }], fixture.refs, [new Chrf()], { nSamples: 100 });
    expect(same.metrics[0]!.results[1]!.pValue).toBe(1 / 101);
    const ar = pairedApproxRandomization(baseline, [{ name: 'same', hyps: baseline.hyps }], fixture.refs, [new Chrf()], { nSamples: 50 });
    expect(ar.metrics[0]!.results[1]!.pValue).toBe(1 / 51);
  });

  it('rejects a test without systems or with mismatched lengths', () => {
    expect(() => pairedBootstrap(baseline, [], fixture.refs, metrics)).toThrow(/at least one system/);
    expect(() => pairedBootstrap(baseline, [{ name: 'short', hyps: ['x'] }], fixture.refs, metrics)).toThrow(/reference stream 1 has 24 segments but there are 1 hypotheses/);
  });
});

describe('printing test results like sacrebleu', () => {
  it('prints the confidence interval after the score', () => {
    const score = corpusScore(new Chrf(), baseline.hyps, fixture.refs, { nBootstrap: 1000 });
    expect(formatScore(score, { width: 1, signature: 'long' })).toBe(
      'chrF2|nrefs:2|bs:1000|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 98.0 (μ = 97.9 ± 1.2)',
    );
  });

  it('prints the paired bootstrap table, explanation and signatures', () => {
    const result = pairedBootstrap(baseline, systems, fixture.refs, [new Bleu()], { nSamples: 1000 });
    const text = formatPairedResults(result, { width: 1 });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '╒════════════════════╤═════════════════════╕',
      '│             System │  BLEU (μ ± 95% CI)  │',
      '╞════════════════════╪═════════════════════╡',
      '│ Baseline: baseline │  97.0 (96.9 ± 1.8)  │',
      '├────────────────────┼─────────────────────┤',
      '│               sys1 │  94.6 (94.5 ± 2.7)  │',
      '│                    │    (p = 0.0440)*    │',
      '├────────────────────┼─────────────────────┤',
      '│               sys2 │  89.2 (89.2 ± 1.6)  │',
      '│                    │    (p = 0.0010)*    │',
    ]);
    expect(text).toContain('Paired bootstrap resampling test with 1000 resampling trials');
    expect(text).toContain(' - Each system is pairwise compared to Baseline: baseline.');
    expect(text.endsWith(' - BLEU       nrefs:2|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0')).toBe(true);
  });

  it('writes the JSON list of sacrebleu --format json', () => {
    const result = pairedApproxRandomization(baseline, systems.slice(0, 1), fixture.refs, [new Ter()], { nSamples: 2000 });
    const parsed = JSON.parse(formatPairedResults(result, { json: true })) as Array<Record<string, unknown>>;
    expect(parsed).toEqual([
      { system: 'Baseline: baseline', TER: { score: expect.closeTo(fixture.expected.TER!.baseline_score, 12), p_value: null, mean: null, ci: null } },
      { system: 'sys1', TER: { score: expect.closeTo(fixture.expected.TER!.ar[0]!.score, 12), p_value: fixture.expected.TER!.ar[0]!.p_value, mean: null, ci: null } },
    ]);
    expect(formatPairedResults(result, { json: true })).toContain('\n    {\n        "system": "Baseline: baseline",');
  });
});
