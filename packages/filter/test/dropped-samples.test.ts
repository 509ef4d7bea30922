import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@jest/globals';
import { droppedSamples, EvaluationInputError, formatDroppedSamples } from '@ntl/filter';

const run = mkdtempSync(join(tmpdir(), 'ntl-dropped-'));

function part(step: string, records: unknown[], name = 'part-00000.jsonl.gz'): string {
  mkdirSync(join(run, 'dropped', step), { recursive: true });
  const path = join(run, 'dropped', step, name);
  writeFileSync(path, gzipSync(records.map((record) => JSON.stringify(record)).join('\n') + '\n'));
  return path;
}

const wordlist = { filter: 'filter.wordlist', reason: 'low_wordlist_share' };
part('filter.wordlist', [
  { docId: 'd1', docLang: 'hau_Latn', text: 'Sashe na 1', drop: wordlist },
  { docId: 'd1', docLang: 'hau_Latn', text: 'Sashe na 2', lang: 'hau_Latn', drop: wordlist },
  { docId: 'd2', docLang: 'eng_Latn', text: 'Article 3', drop: wordlist },
  { docId: 'd1', docLang: 'hau_Latn', text: 'Sashe na 3', drop: wordlist },
]);
part('filter.heuristics', [
  { id: 'd3', text: 'Too short.', lang: { tag: 'hau_Latn', score: 0.9 }, source: { path: 'a.warc.gz' }, meta: {}, drop: { filter: 'filter.heuristics', reason: 'too_few_words' } },
  { something: 'else' },
]);
part('crawl.dedup', [{ id: 'd4', text: 'Sannu', source: { path: 'a.warc.gz' }, meta: {}, drop: { filter: 'crawl.dedup', reason: 'exact_duplicate' } }]);

test('groups by step and reason, samples the first in file order, and counts every match', async () => {
  const { groups, unreadable } = await droppedSamples({ runDir: run, limit: 2 });
  expect(groups.map((group) => [group.step, group.reason, group.documents, group.sentences, group.samples.length])).toEqual([
    ['crawl.dedup', 'exact_duplicate', 1, 0, 1],
    ['filter.heuristics', 'too_few_words', 1, 0, 1],
    ['filter.wordlist', 'low_wordlist_share', 0, 4, 2],
  ]);
  expect(unreadable).toBe(1);
  expect(groups[2]?.samples.map((sample) => sample.text)).toEqual(['Sashe na 1', 'Sashe na 2']);
  expect(groups[2]?.samples[1]).toEqual({ step: 'filter.wordlist', reason: 'low_wordlist_share', lang: 'hau_Latn', unit: 'sentence', docId: 'd1', text: 'Sashe na 2', where: `${join(run, 'dropped/filter.wordlist/part-00000.jsonl.gz')}:2` });
  expect(groups[0]?.samples[0]?.lang).toBeUndefined();
});

test('selects by language (the document\'s), step and reason', async () => {
  const hausa = await droppedSamples({ runDir: run, languages: ['hau_Latn'], limit: 10 });
  expect(hausa.groups.map((group) => [group.step, group.documents + group.sentences])).toEqual([
    ['filter.heuristics', 1],
    ['filter.wordlist', 3],
  ]);
  const english = await droppedSamples({ runDir: run, languages: ['eng_Latn'], steps: ['filter.wordlist'], reasons: ['low_wordlist_share'], limit: 10 });
  expect(english.groups.flatMap((group) => group.samples.map((sample) => sample.docId))).toEqual(['d2']);
  expect((await droppedSamples({ runDir: run, reasons: ['no_such_reason'], limit: 10 })).groups).toEqual([]);
});

test('formats one line a sample, cut at the width', async () => {
  const { groups } = await droppedSamples({ runDir: run, steps: ['filter.heuristics'], limit: 1 });
  expect(formatDroppedSamples(groups, 6)).toBe('filter.heuristics too_few_words: 1 document(s), 0 sentence(s)\n  [hau_Latn document d3] Too s…\n');
  expect(formatDroppedSamples([])).toBe('Nothing dropped matches.\n');
});

test('names the folder or the file and line at fault', async () => {
  await expect(droppedSamples({ runDir: join(run, 'missing'), limit: 1 })).rejects.toThrow(`${join(run, 'missing')}: no such run output folder`);
  const notARun = mkdtempSync(join(tmpdir(), 'ntl-not-a-run-'));
  await expect(droppedSamples({ runDir: notARun, limit: 1 })).rejects.toThrow('not the output folder of ntl run');
  const damaged = part('filter.script', [{ docId: 'd5', text: 'x', drop: { filter: 'filter.script', reason: 'wrong_script' } }]);
  writeFileSync(damaged, gzipSync('{"docId": "d5", "text": "x", "drop": {"reason": "wrong_script"}}\n{not json\n'));
  const failure = droppedSamples({ runDir: run, steps: ['filter.script'], limit: 1 });
  await expect(failure).rejects.toBeInstanceOf(EvaluationInputError);
  await expect(droppedSamples({ runDir: run, steps: ['filter.script'], limit: 1 })).rejects.toThrow(`${damaged}:2: not JSON`);
});
