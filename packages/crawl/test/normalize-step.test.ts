import { describe, expect, it } from '@jest/globals';
import { OptionError, Stats, parseOptions } from '@ntl/core';
import { normalizeStep } from '../src/steps/normalize-step.js';
import { makeDoc, runStep } from './text-step-harness.js';

const create = (raw: Record<string, unknown> = {}) => normalizeStep.create(parseOptions(normalizeStep.options, raw));

describe('crawl.normalize', () => {
  it('normalises text and counts each kind of change in stats', async () => {
    const stats = new Stats();
    const clean = makeDoc('clean', 'Already clean.');
    const [a, b] = await runStep(create(), [makeDoc('a', '\uFEFFcafe\u0301  au\u0000lait\r\n\r\n  fin  '), clean], stats);
    expect(a?.text).toBe('café aulait\nfin');
    expect(b).toBe(clean);
    expect(stats.snapshot().counters).toEqual({
      'crawl.normalize.docs_in': 2,
      'crawl.normalize.docs_out': 2,
      'crawl.normalize.unicode_form_changed': 1,
      'crawl.normalize.lineSeparators': 2,
      'crawl.normalize.controls': 1,
      'crawl.normalize.byteOrderMarks': 1,
      'crawl.normalize.trimmedEdges': 2,
      'crawl.normalize.spaceRuns': 1,
      'crawl.normalize.blankLines': 1,
    });
  });

  it('applies NFKC when asked and rejects unknown forms', async () => {
    const [doc] = await runStep(create({ form: 'NFKC' }), [makeDoc('a', 'ＡＢＣ１２３')]);
    expect(doc?.text).toBe('ABC123');
    expect(() => create({ form: 'NFD' })).toThrow(OptionError);
  });

  it('marks documents that become empty dropped', async () => {
    const stats = new Stats();
    const [doc] = await runStep(create(), [makeDoc('blank', ' \u0000\n\t')], stats);
    expect(doc?.text).toBe('');
    expect(doc?.drop).toEqual({ filter: 'crawl.normalize', reason: 'empty' });
    expect(stats.get('crawl.normalize.dropped.empty')).toBe(1);
  });
});
