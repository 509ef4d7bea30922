import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createLogger, parseOptions, Stats, type Doc, type StepContext } from '@ntl/core';
import { inspectFile } from '../src/readers/inspect-file.js';
import { emptyCounts, readDocuments, type ReadEvent } from '../src/readers/read-documents.js';
import { readStep } from '../src/readers/read-step.js';
import { gzipEach, htmlRecord, warcRecord } from './fixtures/readers/warc-builder.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = (name: string): string => join(here, 'fixtures', 'warcio', name);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntl-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function collect(path: string, options = {}) {
  const counts = emptyCounts();
  const events: ReadEvent[] = [];
  for await (const event of readDocuments(path, options, counts)) events.push(event);
  return { docs: events.flatMap((e) => (e.doc ? [e.doc] : [])), damage: events.flatMap((e) => (e.damage ? [e.damage] : [])), counts };
}

const JSONL = [
  '{"id": 7, "text": "Kaixo mundua", "url": "https://eu.example/1", "lang": "eus"}',
  '{"content": "Bonjour", "language": "fra"}',
  '{"text": "broken", ',
  '',
  '{"title": "no text here"}',
  '["not", "an object"]',
  '{"text": "last"}',
].join('\n');

describe('JSON and text inputs', () => {
  test('JSONL: records mapped, a broken line is damage with its line number and offset, reading goes on', async () => {
    for (const [name, bytes] of [
      ['docs.jsonl', Buffer.from(JSONL)],
      ['docs.jsonl.gz', gzipSync(JSONL)],
    ] as const) {
      const { docs, damage, counts } = await collect(await write(name, bytes));
      expect(counts.format).toBe('jsonl');
      expect(docs.map((d) => [d.record, d.text, d.url, d.headerLanguage, d.sourceId])).toEqual([
        [1, 'Kaixo mundua', 'https://eu.example/1', 'eus', '7'],
        [2, 'Bonjour', undefined, 'fra', undefined],
        [7, 'last', undefined, undefined, undefined],
      ]);
      expect(docs[0]!.id).toBe(`${join(dir, name)}#1`);
      expect(damage.map((d) => [d.kind, d.line])).toEqual([
        ['bad_json', 3],
        ['bad_record', 5],
        ['bad_record', 6],
      ]);
      if (name === 'docs.jsonl') expect(damage[0]!.offset).toBe(JSONL.indexOf('{"text": "broken"'));
    }
  });

  test('JSON array via stream-json; a syntax error ends the file with one damage event', async () => {
    const good = await collect(await write('docs.json', JSON.stringify([{ text: 'a', id: 'x' }, { content: 'b', url: 'u' }, { nope: 1 }])));
    expect(good.counts.format).toBe('json');
    expect(good.docs.map((d) => [d.record, d.text, d.sourceId, d.url])).toEqual([
      [0, 'a', 'x', undefined],
      [1, 'b', undefined, 'u'],
    ]);
    expect(good.damage.map((d) => d.kind)).toEqual(['bad_record']);
    const bad = await collect(await write('bad.json', '[{"text": "a"}, {"text": "b" "c"}, {"text": "d"}]'));
    // Elements parsed from the same chunk as the error are lost with it (stream-json fails the stream).
    expect(bad.docs).toEqual([]);
    expect(bad.damage.map((d) => d.kind)).toEqual(['bad_json']);
    expect(bad.damage[0]!.message).toContain('the rest of the file is skipped');
  });

  test('plain text: one document per blank-line-separated block, with byte offsets', async () => {
    const text = 'first block\nstill first\n\n\nsecond block\n  \nthird';
    const { docs, counts } = await collect(await write('docs.txt', text));
    expect(counts.format).toBe('text');
    expect(docs.map((d) => [d.body!.toString(), d.offset, d.record])).toEqual([
      ['first block\nstill first', 0, 0],
      ['second block', text.indexOf('second'), 1],
      ['third', text.indexOf('third'), 2],
    ]);
  });
});

describe('readDocuments on archives', () => {
  test('keeps HTML/text payloads of response/resource/conversion records; counts the rest by reason', async () => {
    const { docs, counts } = await collect(fixture('example-wget-bad-target-uri.warc.gz'));
    expect(counts.records).toEqual({ warcinfo: 1, request: 1, response: 1, metadata: 1, resource: 2 });
    expect(counts.skipped).toEqual({ record_type: 3 });
    expect(docs.map((d) => [d.warcType, d.contentType, d.httpStatus, d.url])).toEqual([
      ['response', 'text/html', 200, 'http://example.com/'],
      ['resource', 'text/plain', undefined, 'metadata://gnu.org/software/wget/warc/wget_arguments.txt'],
      ['resource', 'text/plain', undefined, 'metadata://gnu.org/software/wget/warc/wget.log'],
    ]);
    const htmlOnly = await collect(fixture('example-wget-bad-target-uri.warc.gz'), { contentTypes: ['text/html'] });
    expect(htmlOnly.counts.skipped).toEqual({ record_type: 3, content_type: 2 });
  });

  test('non-200 responses are skipped unless asked for', async () => {
    const redirect = warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://example.org/r', 'Content-Type': 'application/http; msgtype=response' },
      'HTTP/1.1 302 Found\r\nContent-Type: text/html\r\nLocation: /\r\n\r\n<html>moved</html>',
    );
    const path = await write('redirect.warc', Buffer.concat([redirect, htmlRecord('https://example.org/ok', '<html>ok</html>')]));
    expect((await collect(path)).docs.map((d) => d.url)).toEqual(['https://example.org/ok']);
    expect((await collect(path)).counts.skipped).toEqual({ status: 1 });
    expect((await collect(path, { includeNon200: true })).docs.map((d) => d.httpStatus)).toEqual([302, 200]);
  });

  test('WET: the conversion record with its claimed language', async () => {
    const { docs } = await collect(fixture('whirlwind/whirlwind.warc.wet.gz'));
    expect(docs.map((d) => [d.warcType, d.contentType, d.headerLanguage, d.id])).toEqual([
      ['conversion', 'text/plain', 'spa', '<urn:uuid:ba729a40-ff84-4085-8d48-0a5b2ee0c42d>'],
    ]);
  });
});

function context(inputs: string[], log: string[]): { ctx: StepContext; progress: number[] } {
  const progress: number[] = [];
  const ctx: StepContext = {
    rank: 0,
    worldSize: 1,
    stats: new Stats(),
    signal: new AbortController().signal,
    log: createLogger({ level: 'warn', write: (line) => log.push(line) }),
    inputs: inputs.map((path) => ({ path, size: 0 })),
    outputDir: dir,
    progress: (bytes) => progress.push(bytes),
  };
  return { ctx, progress };
}

async function drain(stream: AsyncIterable<Doc>): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const doc of stream) docs.push(doc);
  return docs;
}

async function* nothing(): AsyncIterable<Doc> {}

describe('crawl.read step', () => {
  test('reads every input, decodes, counts, logs damage, reports progress', async () => {
    const cyrillic = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    const { file } = gzipEach([
      htmlRecord('https://ru.example/', Buffer.concat([Buffer.from('<html><body>'), cyrillic, Buffer.from('</body></html>')]), 'text/html; charset=windows-1251'),
    ]);
    const warc = await write('ru.warc.gz', Buffer.concat([file, Buffer.from('garbage!')]));
    const jsonlText = '{"text":"hello","lang":"eng"}\n{bad\n';
    const jsonl = await write('step.jsonl', jsonlText);
    const empty = await write('empty.txt', '');
    const missing = join(dir, 'missing.warc');
    const log: string[] = [];
    const { ctx, progress } = context([warc, jsonl, empty, missing], log);
    const step = readStep.create(parseOptions(readStep.options, {}));
    const docs = await drain(step(nothing(), ctx));

    expect(docs.map((d) => [d.text, d.url, d.source, d.meta['charset'], d.meta['charsetSource']])).toEqual([
      ['<html><body>Привет</body></html>', 'https://ru.example/', { path: warc, offset: 0 }, 'windows-1251', 'http'],
      ['hello', undefined, { path: jsonl, record: 1 }, 'utf-8', 'default'],
    ]);
    expect(docs[1]!.meta['headerLanguage']).toBe('eng');
    const counters = ctx.stats.counters;
    expect(counters['crawl.read.docs']).toBe(2);
    expect(counters['crawl.read.files']).toBe(4);
    expect(counters['crawl.read.records.response']).toBe(1);
    expect(counters['crawl.read.records.document']).toBe(1);
    expect(counters['damaged.garbage']).toBe(1);
    expect(counters['damaged.bad_json']).toBe(1);
    expect(counters['damaged.missing']).toBe(1);
    expect(counters['crawl.read.empty_files']).toBe(1);
    expect(counters['crawl.read.invalid_bytes']).toBe(0);
    expect(counters['crawl.read.bytes']).toBe(file.length + 8 + jsonlText.length);
    expect(progress.reduce((a, b) => a + b, 0)).toBe(file.length + 8 + jsonlText.length);
    const warnings = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warnings.map((w) => [w['level'], w['kind'], w['path'], w['offset']])).toEqual([
      ['warn', 'garbage', warc, file.length],
      ['warn', 'bad_json', jsonl, 30],
      ['warn', 'missing', missing, 0],
    ]);
  });

  test('ids are stable across runs', async () => {
    const path = fixture('example-bad-non-chunked.warc.gz');
    const run = async () => (await drain(readStep.create(parseOptions(readStep.options, {}))(nothing(), context([path], []).ctx))).map((d) => d.id);
    const first = await run();
    expect(first).toEqual(['<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>']);
    expect(await run()).toEqual(first);
  });
});

describe('inspectFile', () => {
  test('summarises a WARC: types, content types, languages, sizes, damage', async () => {
    const summary = await inspectFile(fixture('whirlwind/whirlwind.warc.gz'));
    expect(summary.format).toBe('warc');
    expect(summary.compression).toBe('gzip');
    expect(summary.records).toEqual({ metadata: 1, request: 1, response: 1, warcinfo: 1 });
    expect(summary.contentTypes[0]).toEqual(['text/html', 1]);
    expect(summary.languages).toEqual([['an', 1]]);
    expect(summary.recordSizes).toEqual({ count: 4, min: 483, median: 511.5, max: 17351, total: 18857 });
    expect(summary.damaged).toEqual([]);
  });

  test('lists damage with offsets, and handles missing and empty files', async () => {
    const trunc = await inspectFile(fixture('example-trunc.warc'));
    expect(trunc.damaged.map((d) => [d.kind, d.offset])).toEqual([['length_mismatch', 1197]]);
    expect((await inspectFile(join(dir, 'none'))).format).toBe('missing');
    expect((await inspectFile(await write('zero', ''))).format).toBe('empty');
  });
});
