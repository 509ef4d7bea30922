#!/usr/bin/env node
/**
 * End-to-end speed through the real CLI, in MB per second per core of warc.gz (the files as stored)
 * and of WARC (the same records inflated), and the speed-up from 1 to 2 worker processes on the
 * same shards, for two pipelines in one run:
 *  - ingest: the crawl chain alone (read → extract → normalise → dedup → segment → corpus.write,
 *    every document written as und_Zyyy), the "read + extract + segment + dedup" figure;
 *  - full: pipelines/crawl-to-corpus.json (the above plus LangID and the seven filters).
 *
 *   npm run build && node bench/crawl/pipeline.js [--shards 4] [--mb 8] [--repeat 3] [--pages news|udhr]
 *        [--pipelines ingest,full] [--workers 1,2] [--compare /other/checkout/apps/cli/bin/ntl.js]
 *
 * --pages picks the synthetic shards (synthetic-warc.js): `news` (default) are news-site pages, ~17%
 * main text, 10% exact duplicates; `udhr` are the bare UDHR pages, ~60% text, two thirds exact copies
 * (the input of the figures before 2026-11-27 evening).
 * --workers lists the worker counts to run (1 must be among them: speed-ups are against it); on a
 * machine with more cores, e.g. `--workers 1,2,4,8` shows how far the scaling holds.
 * --compare runs another build's CLI on the same inputs, interleaved with this one, so a
 * before/after ratio comes from one run on a shared machine. Each configuration runs --repeat
 * times in alternation; the tables give the median and the range. CPU seconds are the run's
 * processes together (the CLI, its workers and their zlib threads; Linux /proc), so
 * "MB per CPU-second" is the per-core rate that does not depend on idle cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSyntheticWarc } from './synthetic-warc.js';
import { option } from '../options.js';

const shards = Number(option('--shards', 4));
const mb = Number(option('--mb', 8));
const repeat = Number(option('--repeat', 1));
const chosen = option('--pipelines', 'ingest,full').split(',');
const shape = option('--pages', 'news');
const workerCounts = option('--workers', '1,2').split(',').map(Number);
if (!workerCounts.includes(1) || workerCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error(`--workers ${option('--workers')}: a comma-separated list of worker counts that includes 1`);
}
const root = new URL('../..', import.meta.url).pathname;
const builds = [{ name: 'this', cli: join(root, 'apps/cli/bin/ntl.js') }];
if (option('--compare')) builds.push({ name: 'compare', cli: resolve(option('--compare')) });

const work = mkdtempSync(join(tmpdir(), 'ntl-bench-pipeline-'));
const ingest = join(work, 'ingest.json');
writeFileSync(
  ingest,
  JSON.stringify({
    name: 'ingest',
    steps: ['crawl.read', 'crawl.extract', 'crawl.normalize', 'crawl.dedup', 'crawl.segment', 'corpus.write'].map((use) => ({ use })),
  }),
);
const pipelines = { ingest, full: join(root, 'pipelines/crawl-to-corpus.json') };
for (const name of chosen) if (!pipelines[name]) throw new Error(`unknown pipeline ${name}: ingest or full`);

const files = Array.from({ length: shards }, (_, i) => buildSyntheticWarc(join(tmpdir(), `ntl-bench-pipeline-${shape}-${mb}mb-${i}.warc.gz`), mb, i, shape));
const totalMb = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const inflatedMb = files.reduce((sum, file) => sum + gunzipSync(readFileSync(file)).length, 0) / 1e6;

/** CPU seconds of this process's waited-for children (utime + stime of exited descendants), or NaN off Linux. */
function childCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": field 3 is index 0, so cutime (16) and cstime (17) are at 13 and 14; 100 ticks/s on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function run(cli, pipeline, workers) {
  const out = join(work, `out-${workers}`);
  rmSync(out, { recursive: true, force: true });
  const cpuBefore = childCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'run', pipeline, '--input', ...files, '--output', out, '--workers', String(workers), '--log-level', 'warn'], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = childCpuSeconds() - cpuBefore;
  if (result.status !== 0) throw new Error(`ntl run failed: ${result.stderr}`);
  const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
  const written = Object.entries(stats.counters).filter(([key]) => key.startsWith('corpus.write.docs.')).reduce((sum, [, n]) => sum + n, 0);
  rmSync(out, { recursive: true, force: true });
  return { seconds, cpu, docs: stats.counters['crawl.read.docs'], written, timings: stats.timings };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const range = (values) => (values.length > 1 ? ` (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})` : '');

console.log(
  `input: ${shards} ${shape} shards, ${totalMb.toFixed(1)} MB of warc.gz (${inflatedMb.toFixed(1)} MB of WARC inflated); cores: ${availableParallelism()}; node ${process.version}; ` +
    `load average ${loadavg()[0].toFixed(1)}; ${repeat} run(s) per configuration, median (range)`,
);
for (const name of chosen) {
  const results = new Map();
  for (let r = 0; r < repeat; r++) {
    for (const workers of workerCounts) {
      for (const build of builds) {
        const key = `${build.name}:${workers}`;
        if (!results.has(key)) results.set(key, []);
        results.get(key).push(run(build.cli, pipelines[name], workers));
      }
    }
  }
  console.log(`\n${name} (${name === 'ingest' ? 'read → extract → normalize → dedup → segment → corpus.write' : 'pipelines/crawl-to-corpus.json'}):`);
  console.log('| build | workers | wall s | MB/s per core, warc.gz / WARC | CPU s | MB per CPU-s, warc.gz / WARC | docs read / written | speed-up over 1 worker |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const build of builds) {
    const oneWorkerSeconds = median(results.get(`${build.name}:1`).map((x) => x.seconds));
    for (const workers of workerCounts) {
      const runs = results.get(`${build.name}:${workers}`);
      const wall = runs.map((x) => x.seconds);
      const speedUp = workers === 1 ? '' : `${(oneWorkerSeconds / median(wall)).toFixed(2)}×`;
      const cpu = runs.map((x) => x.cpu);
      const rates = (seconds) => `${(totalMb / seconds).toFixed(2)} / ${(inflatedMb / seconds).toFixed(1)}`;
      console.log(
        `| ${build.name} | ${workers} | ${median(wall).toFixed(2)}${range(wall)} | ${rates(median(wall) * workers)} | ` +
          `${median(cpu).toFixed(2)} | ${rates(median(cpu))} | ${runs[0].docs} / ${runs[0].written} | ${speedUp} |`,
      );
    }
  }
  for (const build of builds) {
    const timings = results.get(`${build.name}:1`).at(-1).timings;
    const steps = Object.entries(timings)
      .filter(([step]) => step !== 'pipeline.task')
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([step, { ms }]) => `${step} ${(ms / 1000).toFixed(2)}`);
    console.log(`${build.name}, 1 worker, seconds per step (last run): ${steps.join(', ')}`);
  }
}
if (builds.length > 1) console.log(`\ncompare = ${builds[1].cli}`);
console.log('(times include process start-up, planning with input checksums, and finalising manifest and report)');
rmSync(work, { recursive: true, force: true });
