import { goldenSectionMinimum } from '../src/calibration/golden-section.js';
import { calibratePrediction, temperatureSample, topLogits } from '../src/calibration/prediction-temperature.js';
import { expectedCalibrationError, reliabilityBins } from '../src/calibration/reliability.js';
import { applyTemperature, fitTemperature } from '../src/calibration/temperature.js';

describe('golden-section search', () => {
  test('finds the minimum of a parabola', () => {
    expect(goldenSectionMinimum((x) => (x - 1.3) ** 2, -5, 5, { tolerance: 1e-9 })).toBeCloseTo(1.3, 8);
  });
  test('needs an interval', () => {
    expect(() => goldenSectionMinimum((x) => x, 1, 1)).toThrow('lower < upper');
  });
});

describe('temperature scaling', () => {
  test('applyTemperature is softmax(logits / T)', () => {
    const probabilities = applyTemperature([Math.log(0.5), Math.log(0.25), Math.log(0.25)], 1);
    probabilities.forEach((p, i) => expect(p).toBeCloseTo([0.5, 0.25, 0.25][i] ?? 0, 12));
    // T = 2: square roots, renormalised.
    const flat = applyTemperature([Math.log(0.5), Math.log(0.25), Math.log(0.25)], 2);
    expect(flat[0]).toBeCloseTo(Math.SQRT1_2 / (Math.SQRT1_2 + 1), 12);
  });

  test('recovers the NLL-optimal temperature exactly where it is known in closed form', () => {
    // Logits [1, 0], true class 0 three times out of four: NLL is minimal where sigmoid(1/T) = 3/4, T = 1/ln 3.
    const scores = [
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
    ];
    const fit = fitTemperature(scores, [0, 0, 0, 1]);
    expect(fit.temperature).toBeCloseTo(1 / Math.log(3), 4);
    expect(fit.samples).toBe(4);
    expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
    expect(fit.nllAfter).toBeCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), 8);
  });

  test('an overconfident model gets T > 1, an underconfident one T < 1', () => {
    // Confidence e^4/(e^4+1) ≈ 0.98 but right only 60% of the time.
    const over = fitTemperature(Array.from({ length: 10 }, () => [4, 0]), [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(over.temperature).toBeGreaterThan(1);
    // Confidence e^0.1/(e^0.1+1) ≈ 0.52 but always right: T shrinks to the bottom of the range.
    const under = fitTemperature(Array.from({ length: 10 }, () => [0.1, 0]), new Array(10).fill(0), { min: 0.05, max: 20 });
    expect(under.temperature).toBeLessThan(0.06);
  });

  test('rejects bad input', () => {
    expect(() => fitTemperature([], [])).toThrow('at least one sample');
    expect(() => fitTemperature([[1, 0]], [0, 1])).toThrow('1 score vectors but 2 labels');
    expect(() => fitTemperature([[1, 0]], [2])).toThrow('sample 0: true-class index 2 is outside its 2 scores');
    expect(() => fitTemperature([[1, NaN]], [0])).toThrow('sample 0: scores must be finite');
  });
});

describe('temperature scaling of LangPrediction', () => {
  const prediction = { tag: 'eng_Latn', score: 0.6, top: [['eng_Latn', 0.6], ['sco_Latn', 0.2]] as Array<[string, number]> };

  test('top-k plus a rest class of the unlisted mass', () => {
    const logits = topLogits(prediction.top);
    expect(logits).toHaveLength(3);
    expect(Math.exp(logits[2] ?? 0)).toBeCloseTo(0.2, 12);
    expect(temperatureSample(prediction, (tag) => tag === 'sco_Latn')).toEqual({ logits, target: 1 });
    expect(temperatureSample(prediction, (tag) => tag === 'deu_Latn')?.target).toBe(2);
    expect(temperatureSample({ tag: 'und_Zyyy', score: 0, top: [] }, () => true)).toBeUndefined();
  });

  test('calibratePrediction rescales top and score', () => {
    expect(calibratePrediction(prediction, 1).top[0]?.[1]).toBeCloseTo(0.6, 12);
    const hot = calibratePrediction(prediction, 2);
    const norm = Math.sqrt(0.6) + 2 * Math.sqrt(0.2);
    expect(hot.score).toBeCloseTo(Math.sqrt(0.6) / norm, 12);
    expect(hot.top[1]?.[1]).toBeCloseTo(Math.sqrt(0.2) / norm, 12);
    expect(hot.tag).toBe('eng_Latn');
  });
});

describe('reliability bins and ECE', () => {
  test('equal-width bins ((m-1)/M, m/M], 0 in the first, 1 in the last', () => {
    const bins = reliabilityBins([0, 0.5, 1, 0.98], [false, true, true, false], 15);
    expect(bins).toHaveLength(15);
    expect(bins[0]).toMatchObject({ count: 1, accuracy: 0, confidence: 0 });
    expect(bins[7]).toMatchObject({ lower: 7 / 15, upper: 8 / 15, count: 1, accuracy: 1, confidence: 0.5 });
    expect(bins[14]?.count).toBe(2);
    expect(bins[14]?.accuracy).toBe(0.5);
    expect(bins[14]?.confidence).toBeCloseTo(0.99, 12);
    expect(bins.filter((bin) => bin.count === 0).every((bin) => bin.accuracy === 0 && bin.confidence === 0)).toBe(true);
  });

  test('ECE is the count-weighted gap between accuracy and confidence', () => {
    // Bin 7: |1 − 0.5| weight 1/4; bin 14: |0.5 − 0.99| weight 2/4; bin 0: 0.
    expect(expectedCalibrationError([0, 0.5, 1, 0.98], [false, true, true, false])).toBeCloseTo(0.125 + 0.245, 12);
    expect(expectedCalibrationError([0.9, 0.9], [true, true], 10)).toBeCloseTo(0.1, 12);
    expect(expectedCalibrationError([], [])).toBe(0);
  });

  test('rejects confidences outside [0, 1] and mismatched lengths', () => {
    expect(() => reliabilityBins([1.2], [true])).toThrow('confidence 0 is 1.2, not in [0, 1]');
    expect(() => reliabilityBins([0.5], [])).toThrow('1 confidences but 0 correctness flags');
    expect(() => reliabilityBins([0.5], [true], 0)).toThrow('bins must be a positive integer');
  });
});
