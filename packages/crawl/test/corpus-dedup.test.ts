import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@jest/globals';
import { GzipJsonlWriter } from '@ntl/core';
import { CORPUS_DEDUP_STEP, CorpusDedupMemoryError, dedupCorpus, DEFAULT_NEAR_DUPLICATE_OPTIONS, type CorpusDedupSettings } from '@ntl/crawl';

const settings: CorpusDedupSettings = { exact: true, near: true, ...DEFAULT_NEAR_DUPLICATE_OPTIONS, gzipLevel: 3 };

// Digits count as one another in dedup keys (datatrove's simplify_text), so the articles differ in words.
const articles = [
  'Everyone has the right to life, liberty and security of person, and no one shall be held in slavery or servitude in any of its forms.\nNo one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.',
  'Everyone has the right to recognition everywhere as a person before the law, and all are equal before the law and entitled without any discrimination to equal protection of the law.\nEveryone has the right to an effective remedy by the competent national tribunals.',
  'No one shall be subjected to arbitrary arrest, detention or exile, and everyone is entitled in full equality to a fair and public hearing by an independent and impartial tribunal.',
];
const article = (n: number): string => articles[n - 1] as string;
// Two words changed: a near duplicate (shingle Jaccard ~0.7), not an exact one.
const edited = article(2).replace('recognition', 'acknowledgement').replace('competent', 'proper');

interface Record {
  id: string;
  text: string;
  meta: { [key: string]: unknown };
}

async function writePart(run: string, tag: string, rank: number, docs: Array<[string, string]>): Promise<void> {
  const writer = new GzipJsonlWriter(join(run, 'corpus', tag, `part-0000${rank}.jsonl.gz`), 3);
  for (const [id, text] of docs) await writer.write({ id, text, lang: { tag, score: 0.9 }, meta: { page: id } });
  await writer.close();
}

function read(path: string): Record[] {
  if (!existsSync(path)) return [];
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record);
}

/** A finished run's corpus: shard 0 and shard 1 both hold article 1; shard 1 holds an edited article 2 and all of Hausa's copy. */
async function makeRun(): Promise<string> {
  const run = mkdtempSync(join(tmpdir(), 'ntl-corpus-dedup-'));
  await writePart(run, 'eng_Latn', 0, [
    ['a1', article(1)],
    ['a2', article(2)],
  ]);
  await writePart(run, 'eng_Latn', 1, [
    ['b1', article(1)],
    ['b2', edited],
    ['b3', article(3)],
  ]);
  await writePart(run, 'hau_Latn', 0, [['h1', 'Dukkan ɗan adam an haife shi ba tare da wani ƙaƙƙarfan bauta ba, kuma kowannensu na da mutunci da hakkoki daidai da na kowa.']]);
  await writePart(run, 'hau_Latn', 1, [['h2', 'Dukkan ɗan adam an haife shi ba tare da wani ƙaƙƙarfan bauta ba, kuma kowannensu na da mutunci da hakkoki daidai da na kowa.']]);
  return run;
}

test('drops exact and near duplicates across shards, first occurrence winning, and keeps them for audit', async () => {
  const run = await makeRun();
  const result = await dedupCorpus(run, settings);
  expect(result.alreadyDone).toBe(false);
  expect(result.docsIn).toBe(7);
  expect(result.duplicates.map(({ id, reason, duplicateOf }) => [id, reason, duplicateOf])).toEqual([
    ['b1', 'exact_duplicate', 'a1'],
    ['b2', 'near_duplicate', 'a2'],
    ['h2', 'exact_duplicate', 'h1'],
  ]);
  expect(result.duplicates[1]?.jaccard).toBeGreaterThan(0.5);
  expect(read(join(run, 'corpus/eng_Latn/part-00000.jsonl.gz')).map((doc) => doc.id)).toEqual(['a1', 'a2']);
  expect(read(join(run, 'corpus/eng_Latn/part-00001.jsonl.gz')).map((doc) => doc.id)).toEqual(['b3']);
  // Hausa's shard-1 part lost its only document: the file goes; the folder stays for shard 0.
  expect(existsSync(join(run, 'corpus/hau_Latn/part-00001.jsonl.gz'))).toBe(false);
  const dropped = read(join(run, 'dropped', CORPUS_DEDUP_STEP, 'part-00001.jsonl.gz'));
  expect(dropped.map((doc) => [doc.id, (doc as unknown as { drop: unknown }).drop])).toEqual([
    ['b1', { filter: 'corpus.dedup', reason: 'exact_duplicate' }],
    ['b2', { filter: 'corpus.dedup', reason: 'near_duplicate' }],
    ['h2', { filter: 'corpus.dedup', reason: 'exact_duplicate' }],
  ]);
  expect(dropped[0]?.meta).toEqual({ page: 'b1', duplicateOf: 'a1' });
  expect(dropped[1]?.meta).toMatchObject({ page: 'b2', nearDuplicateOf: 'a2' });
  const stats = JSON.parse(readFileSync(join(run, 'stats/pass-corpus.dedup.json'), 'utf8')) as { counters: { [key: string]: number } };
  expect(stats.counters).toMatchObject({
    'corpus.dedup.docs_in': 7,
    'corpus.dedup.docs_out': 4,
    'corpus.dedup.dropped.exact_duplicate': 2,
    'corpus.dedup.dropped.near_duplicate': 1,
    'corpus.write.docs.eng_Latn': -2,
    'corpus.write.docs.hau_Latn': -1,
    'corpus.write.docs_out': -3,
    'corpus.write.bytes.hau_Latn': -Buffer.byteLength(read(join(run, 'corpus/hau_Latn/part-00000.jsonl.gz'))[0]?.text ?? ''),
    'corpus.write.lang.eng_Latn.docs_dropped.corpus.dedup.near_duplicate': 1,
  });
});

test('a finished pass is not repeated, and a pass interrupted after writing its dropped copies ends the same', async () => {
  const run = await makeRun();
  const pristine = mkdtempSync(join(tmpdir(), 'ntl-corpus-dedup-copy-'));
  cpSync(run, pristine, { recursive: true });
  await dedupCorpus(run, settings);
  const files = ['corpus/eng_Latn/part-00001.jsonl.gz', 'dropped/corpus.dedup/part-00001.jsonl.gz', 'stats/pass-corpus.dedup.json'];
  const finished = files.map((file) => readFileSync(join(run, file)));
  expect((await dedupCorpus(run, settings)).alreadyDone).toBe(true);
  expect(files.map((file) => readFileSync(join(run, file)))).toEqual(finished);

  // The interrupted pass: decisions and dropped copies written, one corpus part rewritten of two, no marker.
  // The dropped copies must be kept as written: rewriting them now would miss the English ones.
  cpSync(join(run, 'corpus-dedup/decisions.json'), join(pristine, 'corpus-dedup/decisions.json'));
  cpSync(join(run, 'dropped'), join(pristine, 'dropped'), { recursive: true });
  cpSync(join(run, 'corpus/eng_Latn/part-00001.jsonl.gz'), join(pristine, 'corpus/eng_Latn/part-00001.jsonl.gz'));
  const resumed = await dedupCorpus(pristine, settings);
  expect(resumed.alreadyDone).toBe(false);
  expect(files.map((file) => readFileSync(join(pristine, file)))).toEqual(finished);
  expect(existsSync(join(pristine, 'corpus/hau_Latn/part-00001.jsonl.gz'))).toBe(false);
});

test('refuses to run again with other settings, and names the file', async () => {
  const run = await makeRun();
  await dedupCorpus(run, settings);
  await expect(dedupCorpus(run, { ...settings, threshold: 0.9 })).rejects.toThrow(`${join(run, 'corpus-dedup/decisions.json')}: an earlier corpus dedup pass used other settings`);
});

test('names the corpus line that is not a record, and writes nothing', async () => {
  const run = await makeRun();
  const writer = new GzipJsonlWriter(join(run, 'corpus/eng_Latn/part-00002.jsonl.gz'), 3);
  await writer.write({ id: 'x' });
  await writer.close();
  await expect(dedupCorpus(run, settings)).rejects.toThrow(`${join(run, 'corpus/eng_Latn/part-00002.jsonl.gz')}:1: not a corpus record`);
  expect(existsSync(join(run, 'corpus-dedup'))).toBe(false);
  expect(existsSync(join(run, 'dropped'))).toBe(false);
  rmSync(run, { recursive: true });
});

test('stops before it outgrows its memory budget, naming the language, and writes nothing', async () => {
  const run = await makeRun();
  const before = read(join(run, 'corpus/eng_Latn/part-00001.jsonl.gz'));
  const error = await dedupCorpus(run, settings, undefined, 1).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CorpusDedupMemoryError);
  expect(error).toMatchObject({ tag: 'eng_Latn', docsOfTag: 0, limit: 'budget', limitBytes: 1 });
  expect((error as Error).message).toMatch(/stopped at eng_Latn after 0 of its documents: .* reached its budget of 0\.00 GB/);
  expect(existsSync(join(run, 'corpus-dedup'))).toBe(false);
  expect(read(join(run, 'corpus/eng_Latn/part-00001.jsonl.gz'))).toEqual(before);
  // With room (the default: 60% of this machine's memory) the same run goes through.
  expect((await dedupCorpus(run, settings)).duplicates).toHaveLength(3);
  rmSync(run, { recursive: true });
});
