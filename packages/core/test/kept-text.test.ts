import { keptText, type Doc } from '@ntl/core';

const doc = (text: string, segments: Doc['segments']): Doc => ({ id: 'd', text, source: { path: 'x' }, meta: {}, ...(segments ? { segments } : {}) });

test('without drops the text is unchanged', () => {
  expect(keptText(doc('A b. C d.', [{ start: 0, end: 4 }, { start: 5, end: 9 }])).text).toBe('A b. C d.');
});

test('dropped sentences are removed, their paragraph breaks kept, and reported', () => {
  const text = 'One. Spam spam.\nTwo. Three.\nJunk!';
  const result = keptText(
    doc(text, [
      { start: 0, end: 4 },
      { start: 5, end: 15, drop: { filter: 'repetition', reason: 'ngram' } },
      { start: 16, end: 20 },
      { start: 21, end: 27 },
      { start: 28, end: 33, drop: { filter: 'length', reason: 'short' } },
    ]),
  );
  expect(result.text).toBe('One.\nTwo. Three.');
  expect(result.segments.map(({ start, end }) => result.text.slice(start, end))).toEqual(['One.', 'Two.', 'Three.']);
  expect(result.removed.map((removal) => [removal.text, removal.drop.filter])).toEqual([
    ['Spam spam.', 'repetition'],
    ['Junk!', 'length'],
  ]);
});

test('scripts without spaces are joined without inventing one', () => {
  const text = '第一句。广告广告。第二句。';
  const result = keptText(doc(text, [{ start: 0, end: 4 }, { start: 4, end: 9, drop: { filter: 'spam', reason: 'x' } }, { start: 9, end: 13 }]));
  expect(result.text).toBe('第一句。第二句。');
});
