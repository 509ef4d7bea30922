import { describe, expect, it } from '@jest/globals';
import { OptionError, Stats, parseOptions, validateDoc } from '@ntl/core';
import { segmentStep } from '../src/steps/segment-step.js';
import { makeDoc, runStep } from './text-step-harness.js';

const create = (raw: Record<string, unknown> = {}) => segmentStep.create(parseOptions(segmentStep.options, raw));

describe('crawl.segment', () => {
  it('fills doc.segments with sentence spans and counts sentences', async () => {
    const stats = new Stats();
    const text = 'Hello world. How are you?\nयह है। वह है।';
    const [doc] = await runStep(create(), [{ ...makeDoc('a', text), segments: [{ start: 0, end: 3 }] }], stats);
    expect(doc?.segments).toEqual([
      { start: 0, end: 12 },
      { start: 13, end: 25 },
      { start: 26, end: 32 },
      { start: 33, end: 39 },
    ]);
    expect(doc?.text).toBe(text);
    expect(() => validateDoc(doc)).not.toThrow();
    expect(stats.get('crawl.segment.sentences')).toBe(4);
  });

  it('passes engine, locale and minSentenceChars through', async () => {
    const text = 'J. Smith came. Ok.';
    const [rules, intl, merged] = await Promise.all([
      runStep(create(), [makeDoc('a', text)]),
      runStep(create({ engine: 'intl', locale: 'en' }), [makeDoc('a', text)]),
      runStep(create({ minSentenceChars: 4 }), [makeDoc('a', text)]),
    ]);
    expect(rules[0]?.segments).toEqual([{ start: 0, end: 14 }, { start: 15, end: 18 }]);
    expect(intl[0]?.segments).toEqual([{ start: 0, end: 2 }, { start: 3, end: 14 }, { start: 15, end: 18 }]);
    expect(merged[0]?.segments).toEqual([{ start: 0, end: 18 }]);
    expect(() => create({ engine: 'icu' })).toThrow(OptionError);
    expect(() => create({ minSentenceChars: -1 })).toThrow('below the minimum');
  });

  it('leaves dropped documents alone', async () => {
    const dropped = { ...makeDoc('x', 'One. Two.'), drop: { filter: 'crawl.dedup', reason: 'near_duplicate' } };
    const [doc] = await runStep(create(), [dropped]);
    expect(doc).toBe(dropped);
  });
});
