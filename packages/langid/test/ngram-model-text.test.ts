import { modelText, wellFormed } from '../src/ngram/model-text.js';
import { chooseThresholds } from '../src/ngram/thresholds.js';

describe('modelText', () => {
  it('keeps letters, marks and in-word apostrophes, lower-cased and NFC', () => {
    expect(modelText('Hello, World! 123')).toBe('hello world');
    expect(modelText('L’homme d\u2019État — c\'est \'quoted\' text')).toBe("l'homme d'état c'est quoted text");
    expect(modelText('e\u0301te\u0301')).toBe('\u00e9t\u00e9');
    expect(modelText('中文，测试。')).toBe('中文 测试');
    expect(modelText('ሰላም ነው።')).toBe('ሰላም ነው');
    expect(modelText('Hello', { lowercase: false })).toBe('Hello');
  });

  it('removes URLs, e-mail addresses, digits, emoji and lone surrogates', () => {
    expect(modelText('see https://example.com/a?b=1 or mail me@example.org, www.x.org now')).toBe('see or mail now');
    expect(modelText('😀 2024 ★')).toBe('');
    expect(modelText('a\ud800b\udc00c')).toBe('a b c');
    expect(wellFormed('a\ud800b\ud83d\ude00')).toBe('a\ufffdb\ud83d\ude00');
  });
});

describe('chooseThresholds', () => {
  const rows = (tag: string, scored: Array<[number, boolean]>): Array<{ gold: string; predicted: string; score: number }> =>
    scored.map(([score, correct]) => ({ gold: correct ? tag : 'other', predicted: tag, score }));

  it('picks the cut that maximises each language’s F-beta on held-out predictions', () => {
    const predictions = [
      // 3 wrong predictions under 0.5, 7 right ones above: F1 is 1 when cutting at 0.5.
      ...rows('aaa_Latn', [[0.1, false], [0.2, false], [0.3, false], [0.5, true], [0.6, true], [0.7, true], [0.8, true], [0.9, true], [0.95, true], [0.99, true]]),
      // Right everywhere: any cut only loses recall.
      ...rows('bbb_Latn', Array.from({ length: 10 }, (_, i): [number, boolean] => [0.1 * i, true])),
      // Too few predictions to judge.
      ...rows('ccc_Latn', [[0.1, false], [0.2, false]]),
      // Never right: capped at maxThreshold.
      ...rows('ddd_Latn', Array.from({ length: 12 }, (_, i): [number, boolean] => [0.05 * i, false])),
      // One wrong at 0.4 between right ones: F1 0.947 without a cut, 0.941 cutting at 0.5 (losing the right 0.1).
      ...rows('eee_Latn', [[0.1, true], [0.4, false], [0.5, true], [0.6, true], [0.7, true], [0.8, true], [0.9, true], [0.9, true], [0.95, true], [0.97, true]]),
    ];
    expect(chooseThresholds(predictions, { beta: 1, minSupport: 10, maxThreshold: 0.8 })).toEqual({ aaa_Latn: 0.5, ddd_Latn: 0.8 });
    // Weighing precision 4× (beta 0.5) makes cutting eee's wrong answer worth one lost right one.
    expect(chooseThresholds(predictions, { beta: 0.5, minSupport: 10, maxThreshold: 0.8 })).toEqual({ aaa_Latn: 0.5, ddd_Latn: 0.8, eee_Latn: 0.5 });
  });
});
