import { detectScript, dominantScript, scriptInfo } from '../src/tags/index.js';

test('counts code points by ISO 15924 script', () => {
  expect(detectScript('Hello, мир!')).toEqual({ Latn: 5, Cyrl: 3, Zyyy: 3 });
  expect(detectScript('漢字 ひらがな カタカナ 한국어')).toEqual({ Hani: 2, Hira: 4, Kana: 4, Hang: 3, Zyyy: 3 });
  expect(detectScript('नमस्ते العربية עברית ελληνικά')).toEqual({ Deva: 6, Arab: 7, Hebr: 5, Grek: 8, Zyyy: 3 });
  expect(detectScript('')).toEqual({});
});

test('counts by code point, not UTF-16 unit', () => {
  // U+10330 GOTHIC LETTER AHSA and U+1F600 (an emoji, script Common) are surrogate pairs.
  expect(detectScript('\u{10330}\u{10331}\u{1F600}')).toEqual({ Goth: 2, Zyyy: 1 });
  // Decomposed é: a Latin letter and a combining mark (Inherited); lone surrogates and private use are Unknown.
  expect(detectScript('e\u0301')).toEqual({ Latn: 1, Zinh: 1 });
  // Unicode's legacy aliases Qaai (Inherited) and Qaac (Coptic) are private-use ISO 15924 codes: never reported.
  expect(detectScript('ⲁⲃ\u0300')).toEqual({ Copt: 2, Zinh: 1 });
  expect(detectScript('\uD800x\uDC00\uE000')).toEqual({ Zzzz: 3, Latn: 1 });
  expect(detectScript('\uD83D')).toEqual({ Zzzz: 1 });
});

test('every reported code is an ISO 15924 code; Han is never split into Hans/Hant', () => {
  const counts = detectScript('汉语 漢語 日本語 ꯃꯩꯇꯩ ⴰⵎⴰⵣⵉⵖ ߒߞߏ');
  expect(counts).toEqual({ Hani: 7, Mtei: 4, Tfng: 6, Nkoo: 3, Zyyy: 5 });
  expect(Object.keys(counts).every((code) => scriptInfo(code)?.code === code)).toBe(true);
});

test('dominantScript ignores Common, Inherited and Unknown', () => {
  expect(dominantScript('Hello, мир!')).toBe('Latn');
  expect(dominantScript('12 345 !!! \u0301\uE000')).toBe('Zyyy');
  expect(dominantScript('')).toBe('Zyyy');
  // A tie goes to the alphabetically first code.
  expect(dominantScript('ab мы')).toBe('Cyrl');
  expect(dominantScript({ Latn: 2, Arab: 5, Zyyy: 40 })).toBe('Arab');
});

test('calls do not leak counts into each other, and keys come in the same order whatever the text order', () => {
  const first = detectScript('мир world 世界');
  expect(detectScript('мир world 世界')).toEqual(first);
  expect(detectScript('x')).toEqual({ Latn: 1 });
  expect(Object.keys(detectScript('世界 world мир'))).toEqual(Object.keys(first));
  expect(detectScript('')).toEqual({});
});
