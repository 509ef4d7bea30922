/**
 * What defineFilter hands a scorer (the unit's span in the document) and what it keeps (rounded scores,
 * records shared between units that scored the same): the records and counters must read as if each unit
 * had its own.
 */
import { describe, expect, it } from '@jest/globals';
import { defineFilter, Skip, type FilterUnit } from '@ntl/filter';
import { countersOf, makeDoc, runFilter } from './filter-harness.js';

const seen: Array<Pick<FilterUnit, 'text' | 'start' | 'end' | 'level' | 'index'>> = [];

/** Scores a unit by its first letter: "s…" is skipped, "x…" fails, other letters pass with a third or a half. */
const probe = defineFilter({
  name: 'probe',
  description: 'test filter',
  levels: ['document', 'sentence', 'both'],
  defaultLevel: 'both',
  needsLanguage: false,
  options: {},
  thresholds: { maxShare: { measure: 'share', bound: 'max', default: 0.9, min: 0, max: 1, reason: 'too_high', description: 'test threshold' } },
  scorer: () => ({
    score: ({ text, start, end, level, index }) => {
      seen.push({ text, start, end, level, ...(index === undefined ? {} : { index }) });
      if (text.startsWith('s')) return new Skip('starts-with-s');
      return { share: text.startsWith('x') ? 1 : text.startsWith('h') ? 0.5 : 1 / 3 };
    },
  }),
});

describe('defineFilter units and records', () => {
  it('hands sentence units their span in the document, and the document its whole text', async () => {
    seen.length = 0;
    const text = 'abc def. xyz! sun';
    await runFilter(probe, { thresholds: 'none' }, [makeDoc('a', text, 'eng_Latn', [{ text: 'abc def.' }, { text: 'xyz!' }, { text: 'sun' }])]);
    expect(seen).toEqual([
      { text: 'abc def.', start: 0, end: 8, level: 'sentence', index: 0 },
      { text: 'xyz!', start: 9, end: 13, level: 'sentence', index: 1 },
      { text: 'sun', start: 14, end: 17, level: 'sentence', index: 2 },
      { text, start: 0, end: text.length, level: 'document' },
    ]);
  });

  it('records rounded scores, the same JSON for every unit that scored the same, and counts each unit', async () => {
    const docs = [
      makeDoc('a', 'a1. a2. h3. a4. x5. s6.', 'eng_Latn', ['a1.', 'a2.', 'h3.', 'a4.', 'x5.', 's6.'].map((sentence) => ({ text: sentence }))),
      makeDoc('b', 'b1. s2.', 'hau_Latn', [{ text: 'b1.' }, { text: 's2.' }]),
    ];
    const { docs: out, stats } = await runFilter(probe, { thresholds: 'none', level: 'sentence' }, docs);
    const third = { scores: { share: 0.3333 } };
    expect(JSON.parse(JSON.stringify(out.map((doc) => doc.meta['filters'])))).toEqual([
      { probe: { sentences: [third, third, { scores: { share: 0.5 } }, third, { scores: { share: 1 }, drop: 'too_high' }, { skipped: 'starts-with-s' }] } },
      { probe: { sentences: [third, { skipped: 'starts-with-s' }] } },
    ]);
    expect(out[0]?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'kept', 'kept', 'kept', 'too_high', 'kept']);
    expect(countersOf(stats, 'filter.probe')).toEqual({
      docs_in: 2,
      docs_out: 2,
      'sentences.kept': 5,
      'sentences.dropped.too_high': 1,
      'sentences.skipped.starts-with-s': 2,
      'lang.eng_Latn.sentences.kept': 4,
      'lang.eng_Latn.sentences.dropped.too_high': 1,
      'lang.eng_Latn.sentences.skipped.starts-with-s': 1,
      'lang.hau_Latn.sentences.kept': 1,
      'lang.hau_Latn.sentences.skipped.starts-with-s': 1,
    });
    // The input documents are not changed.
    expect(docs[0]?.meta).toEqual({});
    expect(docs[0]?.segments?.every((segment) => segment.drop === undefined)).toBe(true);
  });
});
