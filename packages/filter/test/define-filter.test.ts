import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { OptionError, parseOptions, validateDoc } from '@ntl/core';
import { buildWordlists, saveWordlists, THRESHOLDS_KIND, THRESHOLDS_VERSION, ThresholdsFileError, wordlistFilter, writeThresholdsFile } from '@ntl/filter';
import { countersOf, makeDoc, runFilter } from './filter-harness.js';

// A seed small enough to check by hand: eng keeps "the" (3) and "sat" (2); hau keeps "da" and "ya" (2 each).
const dir = mkdtempSync(join(tmpdir(), 'ntl-filter-base-'));
const wordlists = join(dir, 'wordlists');
saveWordlists(
  wordlists,
  buildWordlists([
    { tag: 'eng_Latn', text: 'The cat sat on the mat. The dog sat.' },
    { tag: 'hau_Latn', text: 'da da ya ya kuma' },
  ]),
);
// "the dog sat on the mat": 6 tokens, 3 in the list (the, sat, the).
const half = 'The dog sat on the mat.';
const none = 'A cow ran.';

describe('defineFilter (through filter.wordlist)', () => {
  it('judges documents with the default threshold and records scores in meta.filters', async () => {
    const { docs, stats } = await runFilter(wordlistFilter, { wordlists, level: 'document' }, [makeDoc('a', half, 'eng_Latn'), makeDoc('b', none, 'eng_Latn')]);
    expect(docs[0]?.drop).toBeUndefined();
    expect(docs[0]?.meta['filters']).toEqual({ wordlist: { document: { scores: { share: 0.5, tokens: 6 } } } });
    expect(docs[1]?.drop).toEqual({ filter: 'filter.wordlist', reason: 'low_wordlist_share' });
    expect(docs[1]?.meta['filters']).toEqual({ wordlist: { document: { scores: { share: 0, tokens: 3 }, drop: 'low_wordlist_share' } } });
    expect(docs.map((doc) => doc.text)).toEqual([half, none]);
    docs.forEach((doc) => expect(() => validateDoc(doc)).not.toThrow());
    expect(countersOf(stats, 'filter.wordlist')).toEqual({
      docs_in: 2,
      docs_out: 1,
      kept: 1,
      'dropped.low_wordlist_share': 1,
      'lang.eng_Latn.kept': 1,
      'lang.eng_Latn.dropped.low_wordlist_share': 1,
    });
  });

  it('takes per-language thresholds from the pipeline, a thresholds file, and overrides in that order', async () => {
    const file = join(dir, 'thresholds.json');
    const entry = { bound: 'min' as const, excluded: 0.001, minSamples: 100, default: 0.2, samples: {}, fallback: [] };
    writeThresholdsFile(file, { kind: THRESHOLDS_KIND, version: THRESHOLDS_VERSION, filters: { 'filter.wordlist': { minShare: { ...entry, perLanguage: { eng_Latn: 0.6 } } } } });
    const doc = makeDoc('a', half, 'eng_Latn');
    const global = await runFilter(wordlistFilter, { wordlists, level: 'document', minShare: 0.51 }, [doc]);
    const fromFile = await runFilter(wordlistFilter, { wordlists, level: 'document', thresholds: file }, [doc]);
    const overridden = await runFilter(wordlistFilter, { wordlists, level: 'document', thresholds: file, perLanguage: ['eng_Latn=0.4'] }, [doc]);
    const otherLanguage = await runFilter(wordlistFilter, { wordlists, level: 'document', perLanguage: ['hau_Latn.minShare=0.9'] }, [doc]);
    expect([global, fromFile, overridden, otherLanguage].map((run) => run.docs[0]?.drop?.reason ?? 'kept')).toEqual(['low_wordlist_share', 'low_wordlist_share', 'kept', 'kept']);
  });

  it('rejects bad options, naming the field', () => {
    const create = (raw: Record<string, unknown>) => wordlistFilter.create(parseOptions(wordlistFilter.options, { wordlists, ...raw }));
    expect(() => create({ minshare: 0.3 })).toThrow(OptionError);
    expect(() => create({ minshare: 0.3 })).toThrow('option "minshare": unknown option; known options: wordlists, minShare, level, mode, perLanguage, thresholds');
    expect(() => create({ minShare: 1.5 })).toThrow('option "minShare": 1.5 is above the maximum 1');
    expect(() => create({ minShare: -0.1 })).toThrow('option "minShare": -0.1 is below the minimum 0');
    expect(() => create({ level: 'paragraph' })).toThrow('option "level": expected one of document, sentence, both, got "paragraph"');
    expect(() => create({ perLanguage: ['hau_Latn=2'] })).toThrow('option "perLanguage: hau_Latn.minShare": 2 is above the maximum 1');
    expect(() => create({ perLanguage: ['hausa=0.3'] })).toThrow('option "perLanguage": "hausa" is not a language tag');
    expect(() => create({ perLanguage: ['hau_Latn.minShar=0.3'] })).toThrow('option "perLanguage": unknown threshold "minShar"; known thresholds: minShare');
    expect(() => create({ perLanguage: ['hau_Latn:0.3'] })).toThrow('is not <tag>=<value> or <tag>.<threshold>=<value>');
    expect(() => create({ perLanguage: ['hau_Latn=high'] })).toThrow('option "perLanguage: hau_Latn.minShare": expected a number, got "high"');
    expect(() => create({ wordlists: join(dir, 'no-such-folder') })).toThrow(`${join(dir, 'no-such-folder')}: cannot read the wordlist folder (ENOENT)`);
    expect(() => create({ thresholds: join(dir, 'missing.json') })).toThrow(ThresholdsFileError);
  });

  it('rejects thresholds files with out-of-range values, naming the field', () => {
    const file = join(dir, 'bad-thresholds.json');
    const entry = { bound: 'min', excluded: 0.001, minSamples: 100, default: 0.2, samples: {}, fallback: [] };
    writeFileSync(file, JSON.stringify({ kind: THRESHOLDS_KIND, version: THRESHOLDS_VERSION, filters: { 'filter.wordlist': { minShare: { ...entry, perLanguage: { eng_Latn: 3 } } } } }));
    expect(() => wordlistFilter.create(parseOptions(wordlistFilter.options, { wordlists, thresholds: file }))).toThrow(
      `${file}: field "filters.filter.wordlist.minShare.perLanguage.eng_Latn": 3 is above the maximum 1`,
    );
    writeFileSync(file, JSON.stringify({ kind: 'other' }));
    expect(() => wordlistFilter.create(parseOptions(wordlistFilter.options, { wordlists, thresholds: file }))).toThrow('not a thresholds file');
  });

  it('annotate mode records would-be drops without dropping', async () => {
    const { docs, stats } = await runFilter(wordlistFilter, { wordlists, level: 'document', mode: 'annotate' }, [makeDoc('b', none, 'eng_Latn')]);
    expect(docs[0]?.drop).toBeUndefined();
    expect(docs[0]?.meta['filters']).toEqual({ wordlist: { annotate: true, document: { scores: { share: 0, tokens: 3 }, drop: 'low_wordlist_share' } } });
    expect(stats.get('filter.wordlist.would_drop.low_wordlist_share')).toBe(1);
    expect(stats.get('filter.wordlist.dropped.low_wordlist_share')).toBe(0);
  });

  it('judges sentences at sentence level, leaves earlier drops alone, and judges documents without segments whole', async () => {
    const text = `${half} ${none} Kuma da ya.`;
    const doc = makeDoc('s', text, 'eng_Latn', [{ text: half }, { text: none }, { text: 'Kuma da ya.' }]);
    (doc.segments as NonNullable<typeof doc.segments>)[2]!.drop = { filter: 'filter.blocklist', reason: 'blocklisted' };
    const alreadyDropped = { ...makeDoc('d', none, 'eng_Latn'), drop: { filter: 'crawl.dedup', reason: 'near_duplicate' } };
    const { docs, stats } = await runFilter(wordlistFilter, { wordlists }, [doc, makeDoc('whole', none, 'eng_Latn'), alreadyDropped]);
    const [sentences, whole, passed] = docs;
    expect(sentences?.drop).toBeUndefined();
    expect(sentences?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'low_wordlist_share', 'blocklisted']);
    expect(sentences?.segments?.[1]?.drop?.filter).toBe('filter.wordlist');
    expect(sentences?.meta['filters']).toEqual({
      wordlist: { sentences: [{ scores: { share: 0.5, tokens: 6 } }, { scores: { share: 0, tokens: 3 }, drop: 'low_wordlist_share' }, null] },
    });
    expect(whole?.drop?.reason).toBe('low_wordlist_share');
    expect(passed).toBe(alreadyDropped);
    expect(countersOf(stats, 'filter.wordlist')).toMatchObject({
      'sentences.kept': 1,
      'sentences.dropped.low_wordlist_share': 1,
      'lang.eng_Latn.sentences.kept': 1,
      no_segments: 1,
      'dropped.low_wordlist_share': 1,
      docs_in: 2,
    });
  });

  it('keeps a histogram per language, unit kind and thresholded measure, with that language\'s thresholds as marks', async () => {
    const text = `${half} ${none}`;
    const docs = [
      makeDoc('s', text, 'eng_Latn', [{ text: half }, { text: none }]),
      makeDoc('h', 'da da ya kuma', 'hau_Latn', [{ text: 'da da ya kuma' }]),
      makeDoc('u', 'Hmm.', undefined),
    ];
    const { stats } = await runFilter(wordlistFilter, { wordlists, level: 'both', perLanguage: ['hau_Latn=0.6'] }, docs);
    const { histograms } = stats.snapshot();
    // tokens has no threshold, so no histogram; the undetermined document was skipped, so none for und_Zyyy.
    expect(Object.keys(histograms ?? {}).sort()).toEqual([
      'filter.wordlist.lang.eng_Latn.sentences.share',
      'filter.wordlist.lang.eng_Latn.share',
      'filter.wordlist.lang.hau_Latn.sentences.share',
      'filter.wordlist.lang.hau_Latn.share',
    ]);
    expect(histograms?.['filter.wordlist.lang.eng_Latn.sentences.share']).toEqual({ scale: 'share', marks: [{ name: 'minShare', bound: 'min', value: 0.1 }], bins: { '0': 1, '10': 1 } });
    // The document is judged on its whole text: 9 tokens, 3 listed.
    expect(histograms?.['filter.wordlist.lang.eng_Latn.share']?.bins).toEqual({ '6': 1 });
    expect(histograms?.['filter.wordlist.lang.hau_Latn.share']?.marks).toEqual([{ name: 'minShare', bound: 'min', value: 0.6 }]);
  });

  it('warns once per language without a wordlist and counts what it let through; skips undetermined and empty documents', async () => {
    const { docs, stats, warnings } = await runFilter(wordlistFilter, { wordlists, level: 'document' }, [
      makeDoc('y1', 'Watu wote wamezaliwa huru.', 'swh_Latn'),
      makeDoc('y2', 'Hadhi na haki zao ni sawa.', 'swh_Latn'),
      makeDoc('u', 'Hmm.', undefined),
      makeDoc('e', '', 'eng_Latn'),
      makeDoc('n', '2024 — 12:30', 'eng_Latn'),
    ]);
    expect(docs.every((doc) => doc.drop === undefined)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', lang: 'swh_Latn', skipped: 'no-wordlist' });
    expect(warnings[0]?.['msg']).toContain(`filter.wordlist: no wordlist for swh_Latn in ${wordlists}`);
    expect(countersOf(stats, 'filter.wordlist')).toMatchObject({
      'skipped.no-wordlist': 2,
      'lang.swh_Latn.skipped.no-wordlist': 2,
      'skipped.undetermined': 1,
      'skipped.no-tokens': 2,
    });
    expect(docs[0]?.meta['filters']).toEqual({ wordlist: { document: { skipped: 'no-wordlist' } } });
  });
});
