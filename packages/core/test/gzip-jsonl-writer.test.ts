import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GzipJsonlWriter } from '../src/corpus/gzip-jsonl-writer.js';

const work = mkdtempSync(join(tmpdir(), 'ntl-gzip-writer-'));

function records(count: number): Array<{ id: string; text: string }> {
  return Array.from({ length: count }, (_, i) => ({ id: `doc-${i}`, text: `paragraph ${i} `.repeat(40) }));
}

/** Writes `count` records into `name/part.jsonl.gz`; returns the path and what stood in the folder before close (undefined: no folder). */
async function write(name: string, count: number): Promise<{ path: string; beforeClose: string[] | undefined }> {
  const path = join(work, name, 'part.jsonl.gz');
  const writer = new GzipJsonlWriter(path, 3);
  for (const record of records(count)) await writer.write(record);
  const beforeClose = existsSync(join(work, name)) ? readdirSync(join(work, name)) : undefined;
  await writer.close();
  expect(writer.records).toBe(count);
  return { path, beforeClose };
}

const readBack = (path: string) =>
  gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

test('a part under one batch is written whole on close, and nothing of it exists before', async () => {
  const { path, beforeClose } = await write('small', 3);
  expect(beforeClose).toBeUndefined();
  expect(readBack(path)).toEqual(records(3));
  expect(readdirSync(join(work, 'small'))).toEqual(['part.jsonl.gz']);
});

test('a part of many batches is streamed to a temp file and renamed on close', async () => {
  const { path, beforeClose } = await write('large', 2000);
  expect(beforeClose).toEqual([expect.stringMatching(/^part\.jsonl\.gz\.tmp-/)]);
  expect(readBack(path)).toEqual(records(2000));
  expect(readdirSync(join(work, 'large'))).toEqual(['part.jsonl.gz']);
});

test('a writer closed without records leaves a valid empty gzip file', async () => {
  const { path } = await write('empty', 0);
  expect(gunzipSync(readFileSync(path)).length).toBe(0);
});
