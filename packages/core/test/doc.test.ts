import { DocValidationError, validateDoc } from '@ntl/core';

const valid = { id: 'a', text: 'Hello world', source: { path: 'x.warc.gz', offset: 12 }, meta: {} };

test('accepts a complete record and returns it', () => {
  const doc = { ...valid, url: 'https://a.example/', lang: { tag: 'eng_Latn', score: 0.9, top: [['eng_Latn', 0.9]] }, segments: [{ start: 0, end: 5, lang: 'eng_Latn' }] };
  expect(validateDoc(doc)).toBe(doc);
});

test.each([
  [{ ...valid, id: 3 }, 'id', 'expected string, got number'],
  [{ ...valid, source: { offset: 1 } }, 'source.path', 'expected string, got undefined'],
  [{ ...valid, meta: null }, 'meta', 'expected an object'],
  [{ ...valid, lang: { tag: 'eng_Latn', score: Number.NaN } }, 'lang.score', 'expected a finite number, got NaN'],
  [{ ...valid, lang: { tag: 'eng_Latn', score: 1, top: [['eng_Latn']] } }, 'lang.top[0]', 'expected [tag, score]'],
  [{ ...valid, segments: [{ start: 4, end: 40 }] }, 'segments[0]', 'span [4, 40) is outside the text (length 11)'],
  [{ ...valid, drop: { filter: 'x' } }, 'drop.reason', 'expected string, got undefined'],
])('rejects %j naming field %s', (record, field, message) => {
  let error: unknown;
  try {
    validateDoc(record, 'corpus.jsonl line 7');
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(DocValidationError);
  expect((error as DocValidationError).field).toBe(field);
  expect((error as Error).message).toBe(`corpus.jsonl line 7: invalid Doc field "${field}": ${message}`);
});
