import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  OutputExistsError,
  PlanMismatchError,
  StepRegistry,
  corpusWriteStep,
  finalizeRun,
  mapStep,
  defineStep,
  resolveInputs,
  resolvePipeline,
  runLocal,
  silentLogger,
  type ResolvedPipeline,
} from '@ntl/core';
import { lineReaderStep } from './line-reader.js';

const dropShort = defineStep({
  name: 'test.drop-short',
  description: 'drops texts shorter than minChars',
  options: { minChars: { type: 'integer', default: 4, min: 0, description: 'shortest kept text' } },
  create: ({ minChars }) =>
    mapStep('test.drop-short', (doc, ctx) => {
      if ([...doc.text].length >= minChars) return doc;
      ctx.stats.drop('test.drop-short', 'short');
      return { ...doc, drop: { filter: 'test.drop-short', reason: 'short' } };
    }),
});
const registry = new StepRegistry([lineReaderStep, dropShort, corpusWriteStep]);

function pipeline(minChars = 4): ResolvedPipeline {
  return resolvePipeline('test.json', { name: 'test', steps: [{ use: 'test.lines' }, { use: 'test.drop-short', with: { minChars } }, { use: 'corpus.write' }] }, registry);
}

const work = mkdtempSync(join(tmpdir(), 'ntl-executor-'));
const inputFiles = ['a.tsv', 'b.tsv', 'c.tsv'].map((name, i) => {
  const path = join(work, name);
  writeFileSync(path, [`hau_Latn\tSannu da zuwa ${i}`, `srp_Cyrl\tДобар дан ${i}`, `hau_Latn\tok`, `-\tno label here ${i}`].join('\n'));
  return path;
});

function readGzLines(path: string): unknown[] {
  return gunzipSync(readFileSync(path)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

async function runInto(outputDir: string, options: { resume?: boolean; minChars?: number } = {}) {
  const inputs = await resolveInputs([...inputFiles, join(work, 'missing.tsv')].filter((path) => !path.endsWith('missing.tsv')));
  const result = await runLocal({ pipeline: pipeline(options.minChars), inputs, outputDir, registryModule: 'unused-in-process', workers: 1, tasks: 2, resume: options.resume ?? false, log: silentLogger });
  return { result, ...(await finalizeRun(outputDir, result.plan, { ntl: 'test' })) };
}

test('writes per-language shards, drops with reasons, and folds stats', async () => {
  const out = join(work, 'run1');
  const { result, manifest, stats } = await runInto(out);
  expect(result.plan.tasks.map((task) => task.inputs.length)).toEqual([2, 1]);
  expect(manifest.counts.corpus['hau_Latn']?.docs).toBe(3);
  expect(manifest.counts.corpus['srp_Cyrl']?.docs).toBe(3);
  expect(manifest.counts.corpus['und_Zyyy']?.docs).toBe(3);
  expect(manifest.counts.droppedDocs).toEqual({ 'test.drop-short': 3 });
  expect(manifest.counts.droppedByLanguage).toEqual({ hau_Latn: { docs: { 'test.drop-short': { short: 3 } }, sentences: {} } });
  expect(stats.counters['test.drop-short.docs_in']).toBe(12);
  expect(stats.counters['test.drop-short.dropped.short']).toBe(3);
  const serbian = readGzLines(join(out, 'corpus/srp_Cyrl/part-00000.jsonl.gz')) as Array<{ text: string }>;
  expect(serbian.map((doc) => doc.text)).toEqual(['Добар дан 0', 'Добар дан 2']); // equal sizes: a, c on shard 0, b on shard 1
  const dropped = readGzLines(join(out, 'dropped/test.drop-short/part-00001.jsonl.gz')) as Array<{ text: string; drop: unknown }>;
  expect(dropped).toEqual([expect.objectContaining({ text: 'ok', drop: { filter: 'test.drop-short', reason: 'short' } })]);
  expect(manifest.inputs.every((input) => /^[0-9a-f]{64}$/.test(input.sha256 ?? ''))).toBe(true);
  expect(manifest.outputs.map((file) => file.path)).toContain('corpus/hau_Latn/part-00001.jsonl.gz');
  expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<td>srp_Cyrl</td>');
});

test('refuses to overwrite a run, resumes only unfinished shards, and gives identical output', async () => {
  const out = join(work, 'run2');
  const first = await runInto(out);
  await expect(runInto(out)).rejects.toThrow(OutputExistsError);
  // Simulate a crash in shard 1: no completion marker, a half-written temp file left behind.
  rmSync(join(out, 'completions/1'));
  writeFileSync(join(out, 'corpus/hau_Latn/part-00001.jsonl.gz.tmp-999'), 'garbage');
  const second = await runInto(out, { resume: true });
  expect(second.result.ranRanks).toEqual([1]);
  expect(second.result.skippedRanks).toEqual([0]);
  expect(existsSync(join(out, 'corpus/hau_Latn/part-00001.jsonl.gz.tmp-999'))).toBe(false);
  expect(second.manifest.outputs).toEqual(first.manifest.outputs);
  expect(second.stats.counters).toEqual(first.stats.counters);
});

test('resuming with another configuration is refused', async () => {
  const out = join(work, 'run3');
  await runInto(out);
  await expect(runInto(out, { resume: true, minChars: 2 })).rejects.toThrow(PlanMismatchError);
});

test('missing inputs are kept in the plan with size -1', async () => {
  const inputs = await resolveInputs([inputFiles[0] as string, join(work, 'missing.tsv'), join(work, '*.tsv')]);
  expect(inputs.map((input) => [input.path.slice(work.length + 1), input.size])).toEqual([
    ['a.tsv', expect.any(Number)],
    ['b.tsv', expect.any(Number)],
    ['c.tsv', expect.any(Number)],
    ['missing.tsv', -1],
  ]);
});

test('a task failing in this process stops the run with its own error; the resumed run finishes it and records the input checksums', async () => {
  /** Not an option, so the resumed run has the same configuration. */
  let failOn: string | undefined = 'Добар дан 1';
  const failing = defineStep({
    name: 'test.fail-on',
    description: 'throws on the document whose text is failOn',
    options: {},
    create: () =>
      mapStep('test.fail-on', (doc) => {
        if (doc.text === failOn) throw new RangeError(`bad document ${doc.id}`);
        return doc;
      }),
  });
  const failingRegistry = new StepRegistry([lineReaderStep, failing, corpusWriteStep]);
  const failingPipeline = resolvePipeline('fail.json', { name: 'fail', steps: [{ use: 'test.lines' }, { use: 'test.fail-on' }, { use: 'corpus.write' }] }, failingRegistry);
  const inputs = await resolveInputs(inputFiles);
  const out = join(work, 'failing');
  const run = (resume: boolean) =>
    runLocal({ pipeline: failingPipeline, inputs, outputDir: out, registryModule: 'unused-in-process', workers: 1, tasks: 3, resume, log: silentLogger });
  await expect(run(false)).rejects.toThrow(new RangeError(`bad document ${inputFiles[1]}#1`));
  // Task 0 (a.tsv) finished before task 1 failed; task 2 was never started; checksums come only with a finished run.
  expect(['0', '1', '2'].map((rank) => existsSync(join(out, 'completions', rank)))).toEqual([true, false, false]);
  const planned = () => (JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { inputs: Array<{ sha256: string | null }> }).inputs.map((input) => input.sha256);
  expect(planned()).toEqual([null, null, null]);
  failOn = undefined;
  const resumed = await run(true);
  expect(resumed.ranRanks).toEqual([1, 2]);
  expect(resumed.skippedRanks).toEqual([0]);
  expect(planned().every((sha256) => /^[0-9a-f]{64}$/.test(sha256 ?? ''))).toBe(true);
  expect(resumed.plan.inputs.map((input) => input.sha256)).toEqual(planned());
});
