import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive, type ArchiveRecord } from '../src/readers/archive-records.js';
import type { Damage } from '../src/readers/damage.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = (name: string): string => join(here, 'fixtures', 'warcio', name);

async function readAll(name: string, options = {}): Promise<{ records: ArchiveRecord[]; damage: Damage[]; compression: string }> {
  const archive = await openArchive(fixture(name), options);
  const records: ArchiveRecord[] = [];
  const damage: Damage[] = [];
  for await (const event of archive.events) {
    if (event.record) records.push(event.record);
    else damage.push(event.damage);
  }
  return { records, damage, compression: archive.compression };
}

const EXAMPLE_TYPES = ['warcinfo', 'warcinfo', 'response', 'request', 'revisit', 'request'];

describe('warcio test files', () => {
  test('example.warc.gz: one member per record, offsets and lengths are the members (as warcio indexes them)', async () => {
    const { records, damage, compression } = await readAll('example.warc.gz');
    expect(compression).toBe('gzip');
    expect(records.map((r) => r.type)).toEqual(EXAMPLE_TYPES);
    expect(records.map((r) => r.offset)).toEqual([0, 353, 784, 2012, 2621, 3207]);
    expect(records.map((r) => r.length)).toEqual([353, 431, 1228, 609, 586, 609]);
    expect(records.every((r) => r.innerOffset === undefined)).toBe(true);
    expect(damage).toEqual([]);
    const response = records[2]!;
    expect(response.httpStatus).toBe(200);
    expect(response.targetUri).toBe('http://example.com/');
    expect(response.recordId).toBe('<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>');
    expect(response.body.length).toBe(1270);
    expect(response.body.toString()).toContain('<title>Example Domain</title>');
  });

  test('example.warc: plain offsets, lengths without the blank lines (warcio)', async () => {
    const { records, damage, compression } = await readAll('example.warc');
    expect(compression).toBe('none');
    expect(records.map((r) => r.type)).toEqual(EXAMPLE_TYPES);
    expect(records.map((r) => r.offset)).toEqual([0, 488, 1197, 2566, 3370, 4316]);
    expect(records.map((r) => r.length)).toEqual([484, 705, 1365, 800, 942, 800]);
    expect(damage).toEqual([]);
  });

  test.each([
    ['example-bad-non-chunked.warc.gz', EXAMPLE_TYPES, [0, 488, 1197, 2566, 3370, 4316]],
    ['example-bad.warc.gz.bad', ['warcinfo', 'response', 'request', 'revisit', 'request', 'response'], [0, 460, 2451, 3161, 4061, 4771]],
  ])('%s: a whole file gzipped as one member is read, records placed inside the member', async (name, types, inner) => {
    for (const syncMemberBytes of [1 << 20, 512]) {
      // 512 forces the streaming inflater, as a whole-file member larger than the window would.
      const { records, damage } = await readAll(name, { gzip: { syncMemberBytes, streamFeedBytes: 300, maxSyncOutputBytes: 64 << 20 } });
      expect(records.map((r) => r.type)).toEqual(types);
      expect(records.map((r) => r.offset)).toEqual(types.map(() => 0));
      expect(records.map((r) => r.innerOffset)).toEqual(inner);
      expect(damage).toEqual([]);
    }
  });

  test('example-trunc.warc: Content-Length 2 bytes short is damage, the next record is found (warcio err_count 1)', async () => {
    const { records, damage } = await readAll('example-trunc.warc');
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'warcinfo', 'response', 'request']);
    expect(records.map((r) => r.damage)).toEqual([undefined, undefined, 'length_mismatch', undefined]);
    expect(records[3]!.offset).toBe(2566);
    expect(damage).toHaveLength(1);
    expect(damage[0]).toMatchObject({ kind: 'length_mismatch', offset: 1197 });
    expect(damage[0]!.message).toContain('6 bytes skipped to the next record at offset 2566');
  });

  test('example-wrong-chunks.warc.gz: a record split over three members is joined; the request after it is found', async () => {
    const { records, damage } = await readAll('example-wrong-chunks.warc.gz');
    expect(records.map((r) => [r.type, r.offset, r.innerOffset, r.length])).toEqual([
      ['response', 0, undefined, 1130],
      ['request', 1130, 4, 598],
    ]);
    expect(records[0]!.body.toString()).toMatch(/^<!doctype html>/);
    expect(damage).toEqual([]);
  });

  test('example-iana.org-chunked.warc: chunked transfer encoding is decoded', async () => {
    const { records } = await readAll('example-iana.org-chunked.warc');
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'request']);
    const body = records[1]!.body.toString();
    expect(body.startsWith('<!doctype html>')).toBe(true);
    expect(body).toContain('Internet Assigned Numbers Authority');
    expect(body).not.toMatch(/^001c37/);
    expect(records[1]!.body.length).toBe(7223);
  });

  test.each([
    ['example-resource.warc.gz', { warcinfo: 2, resource: 1 }],
    ['example-space-in-target-uri.warc.gz', { warcinfo: 1, resource: 1 }],
    ['example-wget-bad-target-uri.warc.gz', { warcinfo: 1, request: 1, response: 1, metadata: 1, resource: 2 }],
    ['example-digest.warc', { request: 4 }],
    ['post-test.warc.gz', { response: 3, request: 3 }],
    ['whirlwind/whirlwind.warc.gz', { warcinfo: 1, request: 1, response: 1, metadata: 1 }],
    ['whirlwind/whirlwind.warc.wet.gz', { warcinfo: 1, conversion: 1 }],
  ])('%s: record counts by type', async (name, expected) => {
    const { records, damage } = await readAll(name);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.type] = (counts[r.type] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(damage).toEqual([]);
  });

  test('resource record: no HTTP parse, the block is the body', async () => {
    const { records } = await readAll('example-resource.warc.gz');
    const resource = records[2]!;
    expect(resource.httpStatus).toBeUndefined();
    expect(resource.body.length).toBe(Number(resource.headers.get('content-length')));
    expect(resource.contentType).toBe('text/html; charset=utf-8');
  });

  test('WET conversion record: text/plain, language claim and URI from the header', async () => {
    const { records } = await readAll('whirlwind/whirlwind.warc.wet.gz');
    const conversion = records[1]!;
    expect(conversion.contentType).toBe('text/plain');
    expect(conversion.targetUri).toBe('https://an.wikipedia.org/wiki/Escopete');
    expect(conversion.headers.get('warc-identified-content-language')).toBe('spa');
    expect(conversion.body.length).toBe(4456);
    expect(conversion.body.toString('utf8').startsWith('Escopete - Biquipedia')).toBe(true);
  });

  test.each(['example.arc', 'example.arc.gz'])('%s: ARC v1 header record and response', async (name) => {
    const { records, damage } = await readAll(name);
    expect(records.map((r) => [r.format, r.type, r.version])).toEqual([
      ['arc', 'arc_header', 'ARC/1'],
      ['arc', 'response', 'ARC/1'],
    ]);
    expect(records[1]!.targetUri).toBe('http://example.com/');
    expect(records[1]!.date).toBe('2014-02-16T05:02:21Z');
    expect(records[1]!.httpStatus).toBe(200);
    expect(records[1]!.body.toString()).toContain('Example Domain');
    expect(damage).toEqual([]);
  });

  test('bad.arc: invalid lengths are damage, yet every record is counted as warcio counts them', async () => {
    const { records, damage } = await readAll('bad.arc');
    expect(records.map((r) => r.type)).toEqual(['arc_header', 'response', 'response', 'response']);
    expect(records.map((r) => r.damage)).toEqual(['bad_header', 'bad_header', undefined, 'bad_header']);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([
      ['bad_header', 0],
      ['bad_header', 134],
      ['bad_header', 262],
    ]);
    expect(damage[2]!.message).toContain('"abc"');
  });

  test('example-space-in-url.arc: a URL with spaces; its length overruns the file by 12 bytes', async () => {
    const { records, damage } = await readAll('example-space-in-url.arc');
    expect(records.map((r) => r.type)).toEqual(['arc_header', 'response']);
    expect(records[1]!.targetUri).toBe('http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples From The Live Web&IsPopUp=False');
    expect(records[1]!.damage).toBe('truncated');
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['truncated', 151]]);
  });
});
