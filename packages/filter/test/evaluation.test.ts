/**
 * Precision, recall, medians and the ablation on a hand-made run folder and truth file (written here as a run
 * writes them: gzip JSONL under corpus/<tag>/ and dropped/<step>/), so every expected value can be worked out
 * by hand from the sentences below.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TruthRow, TruthSentence } from '../src/synth/truth.js';
import { ablationConfigurations, evaluateRun, evaluationLanguage, EvaluationInputError, formatEvaluation, languageMatch, median, summarizeLanguages, type RunEvaluation } from '../src/evaluation/index.js';

const work = mkdtempSync(join(tmpdir(), 'ntl-filter-eval-'));

const S = {
  greeting: 'Ina kwana yau.',
  children: 'Yara suna wasa a waje.',
  newsletter: 'Subscribe to our newsletter today.',
  switchHau: 'Ina son the new phone sosai.',
  switchEng: 'I really like this phone yau.',
  spam: 'hausa mp3 free download hausa mp3',
  yor1: 'Mo fẹ́ràn ilé mi.'.normalize('NFC'),
  yor2: 'Ọmọ náà ń sùn.'.normalize('NFC'),
  rain: 'Ruwan sama ya fadi jiya.',
  weather: 'The weather is fine.',
  unknown: 'Unknown text here.',
};

const main = (text: string, lang: string): TruthSentence => ({ text, role: 'main', lang, p: 0 });

function row(id: string, kind: TruthRow['kind'], lang: string | null, sentences: TruthSentence[]): TruthRow {
  return {
    id,
    url: `https://example.example/${id}`,
    file: 'synth-00000.warc.gz',
    offset: 0,
    about: 'hau_Latn',
    claims: { htmlLang: 'ha', urlLang: 'ha', contentLanguage: null },
    kind,
    lang,
    noise: lang === null ? 'seo-spam' : null,
    chromeLang: 'eng_Latn',
    sentences,
  };
}

const truthRows: TruthRow[] = [
  row('a', 'foreign-boilerplate', 'hau_Latn', [
    main(S.greeting, 'hau_Latn'),
    main(S.children, 'hau_Latn'),
    { text: S.newsletter, role: 'boilerplate', lang: 'eng_Latn', p: 1 },
    { text: 'Home', role: 'chrome', lang: 'eng_Latn' },
  ]),
  row('b', 'code-switch', 'hau_Latn', [
    { text: S.switchHau, role: 'main', p: 0, noise: 'code-switch', langs: [['hau_Latn', 0.6], ['eng_Latn', 0.4]] },
    { text: S.switchEng, role: 'main', p: 0, noise: 'code-switch', langs: [['eng_Latn', 0.7], ['hau_Latn', 0.3]] },
    main(S.children, 'hau_Latn'),
  ]),
  row('c', 'seo-spam', null, [{ text: S.spam, role: 'main', p: 0, noise: 'seo-spam', from: 'hau_Latn' }]),
  row('d', 'related-language', 'yor_Latn', [main(S.yor1, 'yor_Latn'), main(S.yor2, 'yor_Latn')]),
  row('e', 'in-language', 'hau_Latn', [main(S.rain, 'hau_Latn')]),
  row('f', 'other-language', 'eng_Latn', [main(S.weather, 'eng_Latn')]),
];

const gzJsonl = (path: string, records: readonly unknown[]): void => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, gzipSync(records.map((r) => JSON.stringify(r)).join('\n') + '\n'));
};

/** A corpus record with segments where each sentence sits in the text, and meta.filters as given. */
function record(id: string, tag: string, paragraphs: string[][], filters?: Record<string, unknown>): Record<string, unknown> {
  const text = paragraphs.map((p) => p.join(' ')).join('\n');
  let from = 0;
  const segments = paragraphs.flat().map((sentence) => {
    const start = text.indexOf(sentence, from);
    from = start + sentence.length;
    return { start, end: from, lang: tag };
  });
  return { id, text, url: `https://example.example/${id}`, source: { path: 'synth-00000.warc.gz', offset: 0 }, lang: { tag, score: 0.9 }, segments, meta: filters ? { filters } : {} };
}

const ok = { scores: { s: 1 } };
const no = { scores: { s: 0 }, drop: 'low' };
const annotated = (document: unknown, sentences: unknown[]) => ({
  heuristics: { annotate: true, document },
  wordlist: { annotate: true, sentences },
});

function writeRun(name: string, corpus: Record<string, Array<Record<string, unknown>>>, dropped: Record<string, unknown[]> = {}): string {
  const dir = join(work, name);
  for (const [tag, records] of Object.entries(corpus)) gzJsonl(join(dir, 'corpus', tag, 'part-00000.jsonl.gz'), records);
  for (const [step, records] of Object.entries(dropped)) gzJsonl(join(dir, 'dropped', step, 'part-00000.jsonl.gz'), records);
  return dir;
}

const truthPath = join(work, 'truth.jsonl');
writeFileSync(truthPath, truthRows.map((r) => JSON.stringify(r)).join('\n') + '\n');

/** The annotate-mode run: heuristics drops documents a and c, wordlist the sentences marked `no`. */
const ablationRun = writeRun('ablation', {
  hau_Latn: [
    record('a', 'hau_Latn', [[S.greeting, S.children], [S.newsletter]], annotated(no, [ok, ok, no])),
    record('b', 'hau_Latn', [[S.switchHau, S.switchEng, S.children]], annotated(ok, [ok, no, ok])),
    record('c', 'hau_Latn', [[S.spam]], annotated(no, [no])),
    record('d', 'hau_Latn', [[S.yor1, S.yor2]], annotated(ok, [no, no])),
  ],
  eng_Latn: [record('f', 'eng_Latn', [[S.weather, S.unknown]], annotated(ok, [ok, no]))],
});

const byTag = (result: RunEvaluation, tag: string) => result.perLanguage.find((r) => r.tag === tag);
const ablationRow = (result: RunEvaluation, name: string) => result.ablation.find((a) => a.configuration === name);

describe('evaluateRun on an annotate-mode run', () => {
  let result: RunEvaluation;
  beforeAll(async () => {
    result = await evaluateRun({ runDir: ablationRun, truthPath, minSentences: 2 });
  });

  it('reads the run', () => {
    expect(result.configuration).toBe('all filters');
    expect(result.filters).toEqual(['heuristics', 'wordlist']);
    expect(result.documents).toBe(5);
    expect(result.unjoinedDocuments).toBe(0);
    // "Unknown text here." is the only kept sentence the truth never showed.
    expect(result.unlabelledSentences).toBe(1);
  });

  it('LangID only: chrome, boilerplate, noise and the eng-majority code-switch sentence are not Hausa', () => {
    const langIdOnly = ablationRow(result, 'LangID only');
    expect(langIdOnly).toEqual({ configuration: 'LangID only', filters: [], keptSentences: 11, languagesKept: 2, medianPrecision: (4 / 9 + 1 / 2) / 2, medianCharPrecision: (86 / 213 + 20 / 38) / 2, medianRecall: 0.5 });
  });

  it('all filters: the per-language table', () => {
    // hau: b keeps the hau-majority code-switch sentence and the repeated "Yara…" (2 of 2 in Hausa); a, c dropped
    // by heuristics, d's Yoruba by wordlist. Recall: 2 of the 4 distinct Hausa texts (greeting, children, switchHau, rain).
    expect(byTag(result, 'hau_Latn')).toEqual({
      tag: 'hau_Latn',
      inCorpus: true,
      keptSentences: 2,
      inLanguageSentences: 2,
      precision: 1,
      keptChars: 50,
      inLanguageChars: 50,
      charPrecision: 1,
      truthSentences: 4,
      recalledSentences: 2,
      recall: 0.5,
      inMedian: true,
    });
    // eng: the weather sentence kept; truth English is it and the eng-majority code-switch sentence (boilerplate and chrome do not count).
    expect(byTag(result, 'eng_Latn')).toMatchObject({ keptSentences: 1, precision: 1, truthSentences: 2, recalledSentences: 1, recall: 0.5, inMedian: true });
    // Yoruba text was only ever labelled Hausa: no corpus folder, recall 0, precision undefined.
    expect(byTag(result, 'yor_Latn')).toMatchObject({ inCorpus: false, keptSentences: 0, precision: null, recall: 0, truthSentences: 2, inMedian: true });
    expect(result.perLanguage.map((r) => r.tag)).toEqual(['eng_Latn', 'hau_Latn', 'yor_Latn']);
    expect(result.medianPrecision).toBe(1);
    expect(result.medianRecall).toBe(0.5);
    expect(result.languagesInMedian).toBe(3);
    expect(result.languagesKept).toBe(2);
  });

  it('the ablation: each filter alone, all, all but each', () => {
    expect(result.ablation.map((a) => a.configuration)).toEqual(['LangID only', '+ heuristics', '+ wordlist', 'all filters', 'all but heuristics', 'all but wordlist']);
    // + heuristics: hau keeps b and d (5 sentences, 2 Hausa), recall 2/4; eng unchanged (1/2, 1/2).
    expect(ablationRow(result, '+ heuristics')).toMatchObject({ keptSentences: 7, medianPrecision: (2 / 5 + 1 / 2) / 2, medianRecall: 0.5 });
    // + wordlist: hau keeps greeting, children (a), switchHau, children (b): 4 of 4; recall 3/4; eng 1/1, 1/2.
    expect(ablationRow(result, '+ wordlist')).toMatchObject({ keptSentences: 5, medianPrecision: 1, medianRecall: 0.5 });
    expect(ablationRow(result, 'all filters')).toMatchObject({ keptSentences: 3, medianPrecision: 1, medianRecall: 0.5 });
    expect(ablationRow(result, 'all but heuristics')).toMatchObject({ filters: ['wordlist'], keptSentences: 5 });
  });

  it('the median needs minSentences truth sentences: with 3, only Hausa counts', async () => {
    const strict = await evaluateRun({ runDir: ablationRun, truthPath, minSentences: 3 });
    expect(strict.languagesInMedian).toBe(1);
    expect(ablationRow(strict, '+ wordlist')).toMatchObject({ medianPrecision: 1, medianRecall: 0.75 });
    expect(ablationRow(strict, 'LangID only')).toMatchObject({ medianPrecision: 4 / 9, medianRecall: 0.75 });
    expect(strict.signature).toMatch(/^truth:[0-9a-f]{12}\|run:none\|unit:sentence\|recall:distinct-text\|tags:nested\|min:3\|version:1$/);
  });

  it('formats the tables', () => {
    const text = formatEvaluation(result);
    expect(text).toContain('per language (all filters, recomputed from the annotate-mode records)');
    expect(text).toMatch(/^hau_Latn\s+2\s+1\.000\s+1\.000\s+0\.500\s+4\s+yes$/m);
    expect(text).toMatch(/^LangID only\s+11\s+2\s+0\.472\s+0\.465\s+0\.500$/m);
    expect(text).toContain('median precision 1.000 (chars 1.000) over the 2 of them that kept text; median recall 0.500 over 3 languages with >= 2 truth sentences');
  });
});

describe('evaluateRun on a run whose filters dropped', () => {
  // As crawl-to-corpus writes it: kept text only, no segments (re-segmented here), dropped units under dropped/.
  const filtered = writeRun(
    'filtered',
    {
      hau_Latn: [
        { id: 'a', text: `${S.greeting} ${S.children}`, source: { path: 'x' }, lang: { tag: 'hau_Latn', score: 1 }, meta: { filters: { wordlist: { sentences: [ok, ok, no] } } } },
        { id: 'd', text: S.yor1, source: { path: 'x' }, lang: { tag: 'hau_Latn', score: 1 }, meta: {} },
      ],
    },
    {
      'filter.wordlist': [
        { docId: 'a', text: S.newsletter, lang: 'eng_Latn', drop: { filter: 'filter.wordlist', reason: 'low_wordlist_share' } },
        { docId: 'd', text: S.yor2, lang: 'yor_Latn', drop: { filter: 'filter.wordlist', reason: 'low_wordlist_share' } },
        { docId: 'e', text: S.rain, lang: 'hau_Latn', drop: { filter: 'filter.wordlist', reason: 'low_wordlist_share' } },
      ],
      'filter.heuristics': [
        { id: 'c', text: S.spam, source: { path: 'x' }, lang: { tag: 'hau_Latn', score: 1 }, meta: {}, drop: { filter: 'filter.heuristics', reason: 'too_few_words' } },
        { id: 'b', text: S.switchHau, source: { path: 'x' }, lang: { tag: 'hau_Latn', score: 1 }, meta: {}, drop: { filter: 'filter.heuristics', reason: 'too_few_words' } },
      ],
      'crawl.dedup': [{ id: 'f', text: S.weather, source: { path: 'x' }, meta: {}, drop: { filter: 'crawl.dedup', reason: 'exact_duplicate' } }],
    },
  );

  it('scores the corpus as written, segmenting text that carries no segments', async () => {
    const result = await evaluateRun({ runDir: filtered, truthPath, minSentences: 2 });
    expect(result.configuration).toBe('corpus as written');
    expect(result.ablation).toEqual([]);
    expect(byTag(result, 'hau_Latn')).toMatchObject({ keptSentences: 3, inLanguageSentences: 2, precision: 2 / 3, truthSentences: 4, recalledSentences: 2, recall: 0.5 });
    expect(byTag(result, 'eng_Latn')).toMatchObject({ inCorpus: false, recall: 0 });
    expect(formatEvaluation(result)).toContain('ablation: not available');
  });

  it('judges what each step dropped against the truth', async () => {
    const { drops } = await evaluateRun({ runDir: filtered, truthPath, minSentences: 2 });
    const step = (name: string) => drops.find((d) => d.step === name);
    // Newsletter (boilerplate) and Yoruba are not Hausa; "rain" belongs to document e, which has no corpus folder.
    expect(step('filter.wordlist')).toEqual({ step: 'filter.wordlist', documents: 0, documentsJudged: 0, documentsInLanguage: 0, sentences: 3, sentencesJudged: 2, sentencesInLanguage: 0, reasons: { low_wordlist_share: 3 } });
    // Page b's main language is Hausa (a loss); page c is spam (no language).
    expect(step('filter.heuristics')).toMatchObject({ documents: 2, documentsJudged: 2, documentsInLanguage: 1, reasons: { too_few_words: 2 } });
    // Dropped before LangID: no tag, not judged.
    expect(step('crawl.dedup')).toMatchObject({ documents: 1, documentsJudged: 0 });
  });

  it('--ablation on it is an error naming the corpus folder', async () => {
    await expect(evaluateRun({ runDir: filtered, truthPath, requireAblation: true })).rejects.toThrow(`${join(filtered, 'corpus')}: no ablation possible`);
  });
});

describe('bad input', () => {
  it('a missing run folder, corpus folder or truth file', async () => {
    await expect(evaluateRun({ runDir: join(work, 'nope'), truthPath })).rejects.toThrow(new EvaluationInputError(join(work, 'nope'), `${join(work, 'nope')}: no such run output folder`));
    mkdirSync(join(work, 'empty'), { recursive: true });
    await expect(evaluateRun({ runDir: join(work, 'empty'), truthPath })).rejects.toThrow(`${join(work, 'empty', 'corpus')}: no such corpus folder`);
    await expect(evaluateRun({ runDir: ablationRun, truthPath: join(work, 'none.jsonl') })).rejects.toThrow(`${join(work, 'none.jsonl')}: no such truth file`);
  });

  it('a truth file of another crawl', async () => {
    const other = join(work, 'other-truth.jsonl');
    writeFileSync(other, JSON.stringify({ ...truthRows[0], id: 'zzz' }) + '\n');
    await expect(evaluateRun({ runDir: ablationRun, truthPath: other })).rejects.toThrow(`${other}: none of the 5 documents in ${join(ablationRun, 'corpus')} has a row here`);
  });

  it('an annotate-mode run where a document lacks a filter record, or sentence records have no segments', async () => {
    const missing = writeRun('missing-record', {
      hau_Latn: [record('a', 'hau_Latn', [[S.greeting]], annotated(ok, [ok])), record('b', 'hau_Latn', [[S.children]], { heuristics: { annotate: true, document: ok } })],
    });
    await expect(evaluateRun({ runDir: missing, truthPath })).rejects.toThrow(`${join(missing, 'corpus/hau_Latn/part-00000.jsonl.gz')}:2: document b has no annotate-mode meta.filters.wordlist record`);
    const { segments: _segments, ...noSegments } = record('a', 'hau_Latn', [[S.greeting]], annotated(ok, [ok]));
    const unsegmented = writeRun('no-segments', { hau_Latn: [noSegments] });
    await expect(evaluateRun({ runDir: unsegmented, truthPath })).rejects.toThrow('has sentence records (meta.filters.wordlist) but no segments; run corpus.write with "keepSegments": true');
  });

  it('a damaged part file names the file', async () => {
    const damaged = join(work, 'damaged');
    mkdirSync(join(damaged, 'corpus', 'hau_Latn'), { recursive: true });
    writeFileSync(join(damaged, 'corpus', 'hau_Latn', 'part-00000.jsonl.gz'), gzipSync('{"id": "a", "text": "x"}\n').subarray(0, 20));
    await expect(evaluateRun({ runDir: damaged, truthPath })).rejects.toThrow(`${join(damaged, 'corpus/hau_Latn/part-00000.jsonl.gz')}: cannot read gzip JSONL`);
    writeFileSync(join(damaged, 'corpus', 'hau_Latn', 'part-00000.jsonl.gz'), gzipSync('{"id": "a", "text": "x"}\nnot json\n'));
    await expect(evaluateRun({ runDir: damaged, truthPath })).rejects.toThrow(`${join(damaged, 'corpus/hau_Latn/part-00000.jsonl.gz')}:2: not JSON`);
  });

  it('minSentences below 1', async () => {
    await expect(evaluateRun({ runDir: ablationRun, truthPath, minSentences: 0 })).rejects.toThrow(RangeError);
  });
});

describe('the counting rules', () => {
  it('evaluationLanguage: main text only, code-switching by majority, noise none', () => {
    expect(evaluationLanguage({ text: 'x', role: 'title', lang: 'hau_Latn' })).toBe('hau_Latn');
    expect(evaluationLanguage({ text: 'x', role: 'chrome', lang: 'hau_Latn' })).toBeUndefined();
    expect(evaluationLanguage({ text: 'x', role: 'boilerplate', lang: 'eng_Latn' })).toBeUndefined();
    expect(evaluationLanguage({ text: 'x', role: 'main', noise: 'code-switch', langs: [['hau_Latn', 0.45], ['fra_Latn', 0.55]] })).toBe('fra_Latn');
    expect(evaluationLanguage({ text: 'x', role: 'main', noise: 'mojibake', from: 'hau_Latn' })).toBeUndefined();
  });

  it('languageMatch: spellings and macrolanguages nest, members of one macrolanguage stay apart', () => {
    const match = languageMatch(['cmn_Hans', 'arb_Arab', 'ary_Arab', 'apc_Arab', 'zsm_Latn', 'min_Latn']);
    expect(match('cmn_Hans', 'zho_Hans')).toBe(true);
    expect(match('cmn_Hans', 'cmn_Hant')).toBe(false);
    expect(match('ary_Arab', 'ara_Arab')).toBe(true);
    expect(match('ary_Arab', 'arb_Arab')).toBe(false);
    expect(match('apc_Arab', 'ajp_Arab')).toBe(true);
    expect(match('zsm_Latn', 'min_Latn')).toBe(false);
    expect(match('zsm_Latn', 'zsm_Latn')).toBe(true);
  });

  it('a lost language gets one row, whatever spellings the truth uses for it', () => {
    const truth = { rows: new Map(), texts: new Map([['ajp_Arab', new Set(['a', 'b'])], ['apc_Arab', new Set(['b', 'c'])], ['ary_Arab', new Set(['d'])]]) };
    const summary = summarizeLanguages(new Map(), truth, languageMatch(truth.texts.keys()), 3);
    expect(summary.perLanguage.map((r) => [r.tag, r.truthSentences, r.recall, r.inMedian])).toEqual([
      ['ajp_Arab', 3, 0, true],
      ['ary_Arab', 1, 0, false],
    ]);
    expect(summary.medianRecall).toBe(0);
    expect(summary.medianPrecision).toBeNull();
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    expect(median([1, 0, 0.5, 0.25])).toBe(0.375);
  });

  it('ablationConfigurations', () => {
    expect(ablationConfigurations(['a'])).toEqual([
      { name: 'LangID only', filters: [] },
      { name: '+ a', filters: ['a'] },
      { name: 'all filters', filters: ['a'] },
    ]);
  });
});
