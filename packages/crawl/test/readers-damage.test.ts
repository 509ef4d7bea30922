import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openArchive, type ArchiveRecord } from '../src/readers/archive-records.js';
import type { Damage } from '../src/readers/damage.js';
import { emptyCounts, readDocuments, type ReadEvent } from '../src/readers/read-documents.js';
import { gzipEach, htmlRecord, warcRecord } from './fixtures/readers/warc-builder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntl-readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function readAll(path: string): Promise<{ records: ArchiveRecord[]; damage: Damage[] }> {
  const records: ArchiveRecord[] = [];
  const damage: Damage[] = [];
  for await (const event of (await openArchive(path)).events) {
    if (event.record) records.push(event.record);
    else damage.push(event.damage);
  }
  return { records, damage };
}

/** Pages with enough varied text that their gzip members are a few hundred bytes. */
function page(n: number): string {
  const words = Array.from({ length: 300 }, (_, i) => `w${(i * 7919 + n * 104729) % 10007}`).join(' ');
  return `<!doctype html><html lang="en"><head><title>page ${n}</title></head><body><p>${words}</p></body></html>`;
}

const records = [1, 2, 3].map((n) => htmlRecord(`https://example.org/${n}`, page(n)));

describe('gzip damage', () => {
  test('a member cut at the end of the file: earlier records read, the cut record flagged, one damage event', async () => {
    const { file, offsets } = gzipEach(records);
    const cut = offsets[2]! + Math.floor((file.length - offsets[2]!) * 0.6);
    const { records: got, damage } = await readAll(await write('cut.warc.gz', file.subarray(0, cut)));
    expect(got.map((r) => [r.offset, r.damage])).toEqual([
      [offsets[0], undefined],
      [offsets[1], undefined],
      [offsets[2], 'gzip_truncated'],
    ]);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['gzip_truncated', offsets[2]]]);
  });

  test('garbage between members (with a false gzip magic inside) is one damage event; reading resumes at the next member', async () => {
    const { file, offsets } = gzipEach(records);
    const garbage = Buffer.concat([Buffer.from('junk junk '), Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(86, 0x41)]);
    const damaged = Buffer.concat([file.subarray(0, offsets[1]), garbage, file.subarray(offsets[1])]);
    const { records: got, damage } = await readAll(await write('garbage.warc.gz', damaged));
    expect(got.map((r) => r.offset)).toEqual([0, offsets[1]! + 100, offsets[2]! + 100]);
    expect(got.every((r) => r.damage === undefined)).toBe(true);
    expect(damage).toHaveLength(1);
    expect(damage[0]).toMatchObject({ kind: 'garbage', offset: offsets[1] });
    expect(damage[0]!.message).toContain(`skipped 100 bytes to the next gzip member at ${offsets[1]! + 100}`);
  });

  test('a corrupt deflate stream loses that member only', async () => {
    const { file, offsets } = gzipEach(records);
    const corrupt = Buffer.from(file);
    for (let i = offsets[1]! + 40; i < offsets[1]! + 60; i++) corrupt[i] = 0xff;
    const { records: got, damage } = await readAll(await write('corrupt.warc.gz', corrupt));
    expect(got.map((r) => r.offset)).toEqual([0, offsets[2]]);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['gzip_corrupt', offsets[1]]]);
    expect(damage[0]!.message).toContain(`to the next gzip member at ${offsets[2]}`);
  });

  test('a whole file gzipped as one streamed member and cut short: the records before the cut are read', async () => {
    const whole = gzipSync(Buffer.concat(records));
    const path = await write('whole-cut.warc.gz', whole.subarray(0, whole.length - 200));
    const stream = { gzip: { syncMemberBytes: 256, streamFeedBytes: 128, maxSyncOutputBytes: 64 << 20 } };
    const got: ArchiveRecord[] = [];
    const damage: Damage[] = [];
    for await (const event of (await openArchive(path, stream)).events) {
      if (event.record) got.push(event.record);
      else damage.push(event.damage);
    }
    expect(got.map((r) => [r.offset, r.innerOffset, r.damage])).toEqual([
      [0, 0, undefined],
      [0, records[0]!.length, undefined],
      [0, records[0]!.length + records[1]!.length, 'gzip_truncated'],
    ]);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['gzip_truncated', 0]]);
  });

  test('a wrong CRC-32 in a trailer is corrupt, not silently accepted', async () => {
    const { file, offsets } = gzipEach(records);
    const bad = Buffer.from(file);
    bad[offsets[2]! - 8] = bad[offsets[2]! - 8]! ^ 0x01;
    const { records: got, damage } = await readAll(await write('crc.warc.gz', bad));
    expect(got.map((r) => r.offset)).toEqual([0, offsets[2]]);
    expect(damage).toHaveLength(1);
    expect(damage[0]!.message).toContain('CRC-32');
  });
});

describe('record framing damage', () => {
  const plainOffsets = [0, records[0]!.length, records[0]!.length + records[1]!.length];

  test('garbage between plain records', async () => {
    const junk = Buffer.from('this is not a record\r\nnor is this\r\n');
    const file = Buffer.concat([records[0]!, junk, records[1]!, records[2]!]);
    const { records: got, damage } = await readAll(await write('garbage.warc', file));
    expect(got.map((r) => r.offset)).toEqual([0, plainOffsets[1]! + junk.length, plainOffsets[2]! + junk.length]);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['garbage', plainOffsets[1]]]);
    expect(damage[0]!.message).toContain(`${junk.length} bytes skipped to the next record at offset ${plainOffsets[1]! + junk.length}`);
  });

  function lying(delta: number): Buffer {
    const block = Buffer.from(records[1]!.subarray(records[1]!.indexOf('\r\n\r\n') + 4, records[1]!.length - 4));
    const fields = { 'WARC-Target-URI': 'https://example.org/2', 'Content-Type': 'application/http; msgtype=response' };
    return warcRecord('response', fields, block, block.length + delta);
  }

  test('Content-Length too long: the record is cut at the next header, which is read', async () => {
    const liar = lying(+50);
    const file = Buffer.concat([records[0]!, liar, records[2]!]);
    const { records: got, damage } = await readAll(await write('long.warc', file));
    expect(got.map((r) => [r.offset, r.damage])).toEqual([
      [0, undefined],
      [plainOffsets[1], 'length_mismatch'],
      [plainOffsets[1]! + liar.length, undefined],
    ]);
    expect(got[1]!.body.toString()).toBe(page(2));
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['length_mismatch', plainOffsets[1]]]);
  });

  test('Content-Length too long in the last record: truncated at the end of the file', async () => {
    const file = Buffer.concat([records[0]!, lying(+1000)]);
    const { records: got, damage } = await readAll(await write('long-last.warc', file));
    expect(got.map((r) => r.damage)).toEqual([undefined, 'truncated']);
    expect(damage.map((d) => [d.kind, d.offset])).toEqual([['truncated', plainOffsets[1]]]);
  });

  test('Content-Length too short: the record is flagged, the rest skipped, the next record read', async () => {
    const liar = lying(-10);
    const file = Buffer.concat([records[0]!, liar, records[2]!]);
    const { records: got, damage } = await readAll(await write('short.warc', file));
    expect(got.map((r) => [r.offset, r.damage])).toEqual([
      [0, undefined],
      [plainOffsets[1], 'length_mismatch'],
      [plainOffsets[1]! + liar.length, undefined],
    ]);
    expect(damage).toHaveLength(1);
    expect(damage[0]).toMatchObject({ kind: 'length_mismatch', offset: plainOffsets[1] });
    expect(damage[0]!.message).toContain('14 bytes skipped');
  });

  test('Content-Length lies inside gzip members too (both directions)', async () => {
    for (const delta of [+40, -10]) {
      const { file, offsets } = gzipEach([records[0]!, lying(delta), records[2]!]);
      const { records: got, damage } = await readAll(await write(`lie${delta}.warc.gz`, file));
      expect(got.map((r) => [r.offset, r.damage])).toEqual([
        [offsets[0], undefined],
        [offsets[1], 'length_mismatch'],
        [offsets[2], undefined],
      ]);
      expect(damage.map((d) => [d.kind, d.offset])).toEqual([['length_mismatch', offsets[1]]]);
    }
  });
});

describe('files', () => {
  async function collect(path: string): Promise<{ events: ReadEvent[]; counts: ReturnType<typeof emptyCounts> }> {
    const counts = emptyCounts();
    const events: ReadEvent[] = [];
    for await (const event of readDocuments(path, {}, counts)) events.push(event);
    return { events, counts };
  }

  test('an empty file is counted, not damage', async () => {
    const { events, counts } = await collect(await write('empty.warc.gz', Buffer.alloc(0)));
    expect(events).toEqual([]);
    expect(counts.emptyFile).toBe(true);
  });

  test('a missing file is a damage event', async () => {
    const path = join(dir, 'nope.warc.gz');
    const { events, counts } = await collect(path);
    expect(events.map((e) => e.damage && [e.damage.kind, e.damage.path, e.damage.offset])).toEqual([['missing', path, 0]]);
    expect(counts.damaged).toEqual({ missing: 1 });
  });

  test('a directory is unreadable, not a crash', async () => {
    const { events } = await collect(dir);
    expect(events.map((e) => e.damage?.kind)).toEqual(['unreadable']);
  });

  test('a 50 MB record streams through with its exact length and bounded memory', async () => {
    const size = 50_000_000;
    const html = Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from(randomBytes(Math.ceil((size - 30) * 0.75)).toString('base64')).subarray(0, size - 30), Buffer.from('</p></body></html>')]);
    const big = htmlRecord('https://example.org/big', html.subarray(0, size));
    const path = await write('big.warc.gz', Buffer.concat([gzipSync(big, { level: 1 }), gzipSync(records[0]!)]));
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const lengths: number[] = [];
    for await (const event of (await openArchive(path)).events) {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      if (event.record) lengths.push(event.record.body.length);
    }
    expect(lengths).toEqual([size, Buffer.byteLength(page(1))]);
    // The record itself (50 MB) is resident once, plus the window; never the whole file twice over.
    expect(peak - before).toBeLessThan(3 * size);
  }, 30_000);
});
