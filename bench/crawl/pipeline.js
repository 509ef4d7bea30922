#!/usr/bin/env node
/**
 * End-to-end crawl-to-corpus speed through the real CLI (read + extract + normalise + dedup +
 * segment + write), in MB of warc.gz per second per core, and the speed-up from 1 to 2 worker
 * processes on the same shards, in one run.
 *
 *   npm run build && node bench/crawl/pipeline.js [--shards 4] [--mb 8]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSyntheticWarc } from './synthetic-warc.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const shards = option('--shards', 4);
const mb = option('--mb', 8);
const root = new URL('../..', import.meta.url).pathname;
const files = Array.from({ length: shards }, (_, i) => buildSyntheticWarc(join(tmpdir(), `ntl-bench-pipeline-${mb}mb-${i}.warc.gz`), mb, i));
const totalMb = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;

function run(workers) {
  const out = mkdtempSync(join(tmpdir(), `ntl-bench-out-${workers}-`));
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'apps/cli/bin/ntl.js'), 'run', join(root, 'pipelines/crawl-to-corpus.json'), '--input', ...files, '--output', join(out, 'o'), '--workers', String(workers), '--log-level', 'warn'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`ntl run failed: ${result.stderr}`);
  const counters = JSON.parse(readFileSync(join(out, 'o/stats.json'), 'utf8')).counters;
  rmSync(out, { recursive: true, force: true });
  return { seconds, docs: counters['crawl.read.docs'], written: Object.entries(counters).filter(([key]) => key.startsWith('corpus.write.docs.')).reduce((sum, [, n]) => sum + n, 0) };
}

console.log(`input: ${shards} shards, ${totalMb.toFixed(1)} MB of warc.gz; cores: ${availableParallelism()}; node ${process.version}`);
const one = run(1);
const two = run(2);
console.log(`1 worker : ${one.seconds.toFixed(2)} s, ${(totalMb / one.seconds).toFixed(1)} MB/s per core, ${one.docs} docs read, ${one.written} written`);
console.log(`2 workers: ${two.seconds.toFixed(2)} s, ${(totalMb / two.seconds).toFixed(1)} MB/s, speed-up ${(one.seconds / two.seconds).toFixed(2)}×`);
console.log('(times include process start-up, planning with input checksums, and finalising manifest and report)');
