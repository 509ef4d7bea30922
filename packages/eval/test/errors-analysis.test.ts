import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TagError } from '@ntl/core';
import { SegmentFileError, TermListError, analyseErrors, detectErrors, loadTermLists, parseTermList, runErrorAnalysis, type ErrorItem, type TranslateFn } from '../src/index.js';
import { wordListClassifier } from './fixtures/errors/word-list-classifier.js';

const TERMS = fileURLToPath(new URL('./fixtures/errors/terms.tsv', import.meta.url));

describe('toxicity term lists', () => {
  const lists = loadTermLists(TERMS);
  const toxic = (item: ErrorItem) => detectErrors(item, { modes: ['toxicity'], toxicTerms: lists });

  it('loads tag<TAB>term lines under canonical tags, whatever the spelling', () => {
    expect([...lists]).toEqual([
      ['eng_Latn', ['zorblat', 'flim flam']],
      ['fra_Latn', ['grobnif']],
      ['tha_Thai', ['ฬฮฬ']],
    ]);
  });

  it('flags a listed term of the target language that the source does not have, case-insensitively, as a whole word', () => {
    const item = { src: 'Le chat dort.', hyp: 'The Zorblat cat sleeps.', tgtLang: 'en' };
    expect(toxic(item)).toEqual([
      {
        mode: 'toxicity',
        severity: 'high',
        confidence: 0.9,
        span: { side: 'hyp', start: 4, end: 11 },
        message: 'the output has the listed term "Zorblat", which the source does not',
        evidence: { term: 'zorblat' },
      },
    ]);
    expect(toxic({ ...item, hyp: 'What a flim  flam; flim flam!' })[0]?.span).toEqual({ side: 'hyp', start: 19, end: 28 });
  });

  it('does not flag a term inside a longer word, a term the source has, or a term of another language', () => {
    expect(toxic({ src: 'Le chat dort.', hyp: 'The zorblatty cat sleeps.', tgtLang: 'eng_Latn' })).toEqual([]);
    expect(toxic({ src: 'Le zorblat dort.', hyp: 'The zorblat sleeps.', tgtLang: 'eng_Latn' })).toEqual([]);
    expect(toxic({ src: 'The cat sleeps.', hyp: 'Le zorblat dort.', tgtLang: 'fra_Latn' })).toEqual([]);
  });

  it('matches any occurrence in a script written without spaces', () => {
    expect(toxic({ src: 'The cat sleeps.', hyp: 'แมวฬฮฬนอน', tgtLang: 'tha_Thai' })[0]?.span).toEqual({ side: 'hyp', start: 3, end: 6 });
  });

  it('rejects malformed lines naming the file and line', () => {
    expect(() => parseTermList(['# ok', 'eng_Latn\tfine', 'no tab here'], 'terms.tsv')).toThrow(new TermListError('terms.tsv:3: expected "tag<TAB>term", found no tab', 'terms.tsv', 3));
    expect(() => parseTermList(['xx_Nope\tterm'], 'terms.tsv')).toThrow('terms.tsv:1: unknown language tag "xx_Nope"');
    expect(() => parseTermList(['fra\t  '], 'terms.tsv')).toThrow('terms.tsv:1: empty term');
  });
});

describe('analyseErrors', () => {
  const items: ErrorItem[] = [
    { src: 'The cat is black.', hyp: 'Le chat est noir.', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' },
    { src: 'The dog is in the garden and it is asleep in the sun.', hyp: 'The dog is in the garden and it is asleep in the sun.', tgtLang: 'fra_Latn', srcLang: 'eng_Latn' },
    { src: 'The house is old.', hyp: 'Дом старый.', tgtLang: 'rus_Cyrl', srcLang: 'eng_Latn' },
    { src: 'It was the end of the day and the light was fading.', hyp: 'It was the end of the day and the light was fading.', tgtLang: 'deu_Latn', srcLang: 'eng_Latn' },
  ];

  it('runs LangID in batches, judges only targets the model knows, and counts per language and mode', async () => {
    // The classifier gives the English output P(eng) = 10/11, P(fra) = 1/11.
    const options = { wrongLanguage: { minScore: 0.5, maxTargetProbability: 0.1 } };
    const analysis = await analyseErrors(items, options, { classifier: wordListClassifier, classifierName: 'word-list@test', batchSize: 3 });
    expect(analysis.items.map((i) => [i.index, i.tgt, i.flags.map((f) => f.mode)])).toEqual([
      [0, 'fra_Latn', []],
      [1, 'fra_Latn', ['wrong-language', 'copy']],
      [2, 'rus_Cyrl', []],
      [3, 'deu_Latn', ['copy']],
    ]);
    const { summary } = analysis;
    expect([summary.items, summary.flaggedItems, summary.flags]).toEqual([4, 2, 3]);
    expect(summary.byMode['copy']).toBe(2);
    expect(summary.byMode['wrong-language']).toBe(1);
    expect(summary.bySeverity).toEqual({ low: 0, medium: 0, high: 3 });
    expect(summary.byLanguage['fra_Latn']).toMatchObject({ items: 2, flaggedItems: 1, flags: 2, langidSupported: true });
    expect(summary.byLanguage['deu_Latn']).toMatchObject({ items: 1, flaggedItems: 1, langidSupported: false });
    expect(summary.signature).toMatch(/^ntl-errors\|langid:word-list@test\|period:no\|terms:0\|lengths:flores200-train-701\|opts:[0-9a-f]{12}\|version:0\.1\.0$/u);
  });

  it('changes the signature when a setting changes', async () => {
    const a = await analyseErrors(items.slice(0, 1));
    const b = await analyseErrors(items.slice(0, 1), { copy: { minChrf: 50 } });
    expect(a.summary.signature).not.toBe(b.summary.signature);
    expect(a.summary.signature).toContain('langid:none');
  });

  it('tries the period trick on failing short inputs when given a translate function', async () => {
    // A toy system with the paper's failure: bare words come back untranslated, a final period fixes it.
    const dictionary: Record<string, string> = { 'water.': 'eau.', 'bread.': 'pain.' };
    const translate: TranslateFn = (text) => (text.endsWith('.') ? (dictionary[text.toLowerCase()] ?? text) : text);
    const short: ErrorItem[] = ['water', 'bread', 'salt'].map((w) => ({ src: w, hyp: translate(w, 'fra_Latn') as string, tgtLang: 'fra_Latn' }));
    const analysis = await analyseErrors(short, {}, { translate });
    expect(analysis.items.map((i) => i.flags.map((f) => f.mode))).toEqual([
      ['short-input', 'period-trick'],
      ['short-input', 'period-trick'],
      ['short-input'],
    ]);
    expect(analysis.items[0]?.flags[1]).toMatchObject({ evidence: { failures: ['copy'], withPeriod: 'eau.' } });
    expect(analysis.summary.signature).toContain('period:yes');
  });
});

describe('runErrorAnalysis', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ntl-errors-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('writes flags.jsonl, summary.json and an escaped report.html', async () => {
    const srcPath = write('src.txt', 'The cat is black.\nThe meeting starts at 10:30 in room 214.\nwater\n');
    const hypPath = write('hyp.txt', 'Le chat est noir.\nLa réunion <script>alert("x")</script> commence dans la salle 215.\n\n');
    const outDir = join(dir, 'out');
    const result = await runErrorAnalysis({ srcPath, hypPath, tgt: 'fr', outDir, termsPath: TERMS });
    const lines = readFileSync(result.files.flags, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Line 2 also carries markup, which makes it too long for French; 10 (of 10:30) is small and the output has
    // no small number instead, so it is taken as spelled out.
    expect(lines.map((l) => [l['line'], l['mode'], l['text']])).toEqual([
      [2, 'length-ratio', 'La réunion <script>alert("x")</script> commence dans la salle 215.'],
      [2, 'number-mismatch', '30'],
      [2, 'number-mismatch', '214'],
      [2, 'number-mismatch', '215'],
      [3, 'empty', 'water'],
      [3, 'short-input', 'water'],
    ]);
    const summary = JSON.parse(readFileSync(result.files.summary, 'utf8')) as Record<string, unknown>;
    expect(summary).toMatchObject({ items: 3, flaggedItems: 2, flags: 6, inputs: { src: srcPath, hyp: hypPath, tgt: 'fra_Latn' } });
    expect((summary['options'] as Record<string, unknown>)['toxicTerms']).toEqual({ eng_Latn: 2, fra_Latn: 1, tha_Thai: 1 });
    const html = readFileSync(result.files.report, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain('<b>number-mismatch</b> — 3 flags in 1 items');
    expect(html).toContain('<mark>215</mark>');
  });

  it('refuses mismatched line counts, empty files, invalid UTF-8 and unknown tags, naming the culprit', async () => {
    const srcPath = write('src.txt', 'a\nb\n');
    const hypPath = write('hyp.txt', 'x\ny\nz\n');
    const outDir = join(dir, 'out');
    await expect(runErrorAnalysis({ srcPath, hypPath, tgt: 'fra_Latn', outDir })).rejects.toThrow(
      new SegmentFileError(`${hypPath} has 3 lines but ${srcPath} has 2; hypothesis and reference files must have the same number of lines`, srcPath),
    );
    const empty = write('empty.txt', '');
    await expect(runErrorAnalysis({ srcPath, hypPath: empty, tgt: 'fra_Latn', outDir })).rejects.toThrow(`${empty}: empty file, no lines to analyse`);
    const bad = write('bad.txt', Uint8Array.from([0x61, 0x0a, 0x62, 0xff, 0x0a]));
    await expect(runErrorAnalysis({ srcPath, hypPath: bad, tgt: 'fra_Latn', outDir })).rejects.toThrow(`${bad}:2: invalid UTF-8 byte 0xff at column 2 (byte offset 3)`);
    await expect(runErrorAnalysis({ srcPath, hypPath: write('h2.txt', 'x\ny\n'), tgt: 'xx_Nope', outDir })).rejects.toThrow(TagError);
    await expect(runErrorAnalysis({ srcPath, hypPath: write('h3.txt', 'x\ny\n'), tgt: 'xx_Nope', outDir })).rejects.toThrow(/xx_Nope/u);
    const refPath = write('ref.txt', 'r\n');
    await expect(runErrorAnalysis({ srcPath, hypPath: write('h4.txt', 'x\ny\n'), refPath, tgt: 'fra', outDir })).rejects.toThrow(`has 2 lines but ${refPath} has 1`);
  });
});
