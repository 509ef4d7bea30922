import { modelText, wellFormed, type ModelTextOptions } from '../src/ngram/model-text.js';
import { chooseThresholds } from '../src/ngram/thresholds.js';
import { seededRandom } from '../src/seed/seeded-random.js';
import { loadUdhr } from '../src/seed/udhr.js';

/**
 * The regular-expression formulation modelText had before it became a scan (a test oracle: the scan must give
 * byte-identical model text, or models trained before would see different n-grams).
 */
function regexModelText(text: string, options: ModelTextOptions = { lowercase: true }): string {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const urlOrEmail = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+|[^\s@]+@[^\s@]+\.[^\s@]+/giu;
  const nonLetters = /(?<=[\p{L}\p{M}])['\u2019](?=\p{L})|[^\p{L}\p{M}]+/gu;
  let clean = text.replace(loneSurrogate, '\uFFFD').normalize('NFC').replace(urlOrEmail, ' ');
  if (options.lowercase) clean = clean.toLowerCase();
  return clean.replace(nonLetters, (match) => (match.length === 1 && (match === "'" || match === '\u2019') ? "'" : ' ')).trim();
}

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

describe('modelText equals its regular-expression formulation', () => {
  it('on every UDHR sentence, both case options', async () => {
    const texts = (await loadUdhr()).map((t) => t.text);
    expect(texts.length).toBeGreaterThan(30_000);
    const differing = texts.filter((text) => modelText(text) !== regexModelText(text) || modelText(text, { lowercase: false }) !== regexModelText(text, { lowercase: false }));
    expect(differing).toEqual([]);
  });

  it('on 50,000 random strings of apostrophes, marks, surrogates, URLs and code points of every plane', () => {
    const pieces = ["'", '\u2019', ' ', '  ', 'a', 'É', 'e\u0301', '\u0301', '😀', '𞤀', '\ud800', '\udc00', '1', '.', '@', 'x@y.z', 'http://a.b', 'WWW.', '://', 'İ', 'ß', 'ǅ', '\t', '\n', '\u00a0', '\ufeff', 'ـ', '中', '\u200d', '\u0903'];
    const random = seededRandom(7);
    const differing: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += random() < 0.2 ? String.fromCodePoint(Math.floor(random() * 0x30000)) : pieces[Math.floor(random() * pieces.length)];
      if (modelText(text) !== regexModelText(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
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
