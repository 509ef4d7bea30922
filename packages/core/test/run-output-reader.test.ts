import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readGzipJsonl } from '../src/run/run-output-reader.js';

const work = mkdtempSync(join(tmpdir(), 'ntl-run-output-'));

async function read(path: string): Promise<Array<{ id: unknown; where: string }>> {
  const lines: Array<{ id: unknown; where: string }> = [];
  for await (const { value, where } of readGzipJsonl(path)) lines.push({ id: value['id'], where });
  return lines;
}

function writeGzip(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, gzipSync(text));
  return path;
}

/** Lines with CRLF and CR breaks and blank lines between them, as readline splits them; `padding` makes them incompressible. */
function jsonl(count: number, padding: number): string {
  const breaks = ['\n', '\r\n', '\r', '\n\n'];
  return Array.from({ length: count }, (_, i) => JSON.stringify({ id: `doc-${i}`, pad: randomBytes(padding).toString('base64') }) + breaks[i % 4]).join('');
}

test('small parts (read whole) and large ones (streamed) give the same records and line numbers', async () => {
  const small = writeGzip('small.jsonl.gz', jsonl(40, 10));
  const large = writeGzip('large.jsonl.gz', jsonl(2000, 800));
  expect(statSync(small).size).toBeLessThan(1 << 20);
  expect(statSync(large).size).toBeGreaterThan(1 << 20);
  const expected = (count: number, path: string) => {
    let line = 1;
    return Array.from({ length: count }, (_, i) => {
      const entry = { id: `doc-${i}`, where: `${path}:${line}` };
      line += i % 4 === 3 ? 2 : 1; // "\n\n" leaves a blank line, which is skipped but counted
      return entry;
    });
  };
  expect(await read(small)).toEqual(expected(40, small));
  expect(await read(large)).toEqual(expected(2000, large));
});

test('damage names the file and line on both paths', async () => {
  const badJsonSmall = writeGzip('bad-small.jsonl.gz', '{"id":"a"}\n{"id":\n');
  await expect(read(badJsonSmall)).rejects.toThrow(`${badJsonSmall}:2: not JSON`);
  const badJsonLarge = writeGzip('bad-large.jsonl.gz', `${jsonl(1600, 800)}[1, 2]\n`);
  await expect(read(badJsonLarge)).rejects.toThrow(`${badJsonLarge}:2001: not a JSON object`);

  const whole = gzipSync(jsonl(40, 10));
  const truncated = join(work, 'truncated.jsonl.gz');
  writeFileSync(truncated, whole.subarray(0, whole.length - 20));
  await expect(read(truncated)).rejects.toThrow(`${truncated}: cannot read gzip JSONL after line`);
});
