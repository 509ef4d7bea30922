import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PipelineError, StepRegistry, corpusWriteStep, loadPipeline } from '@ntl/core';
import { lineReaderStep } from './line-reader.js';

const registry = new StepRegistry([lineReaderStep, corpusWriteStep]);
const folder = mkdtempSync(join(tmpdir(), 'ntl-pipeline-'));

function pipelineFile(content: string): string {
  const path = join(folder, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
}

test('resolves steps and fills option defaults', () => {
  const path = pipelineFile(JSON.stringify({ name: 'demo', steps: [{ use: 'test.lines' }, { use: 'corpus.write' }] }));
  const pipeline = loadPipeline(path, registry);
  expect(pipeline.steps.map((step) => [step.use, step.options])).toEqual([
    ['test.lines', {}],
    ['corpus.write', { keepSegments: false, gzipLevel: 3 }],
  ]);
});

test('malformed JSON names the file, line and column', () => {
  const path = pipelineFile('{\n  "name": "x",\n  "steps": [,]\n}');
  expect(() => loadPipeline(path, registry)).toThrow(new RegExp(`^${path}: not valid JSON at line 3, column 13`));
});

test('an unknown step names the step and lists the known ones', () => {
  const path = pipelineFile(JSON.stringify({ name: 'x', steps: [{ use: 'test.lines' }, { use: 'crawl.magic' }] }));
  expect(() => loadPipeline(path, registry)).toThrow(`${path}: step 2 ("crawl.magic") field "use": unknown step; known steps: corpus.write, test.lines`);
});

test('a bad option names the step and the field', () => {
  const path = pipelineFile(JSON.stringify({ name: 'x', steps: [{ use: 'corpus.write', with: { keepSegments: 'yes' } }] }));
  expect(() => loadPipeline(path, registry)).toThrow(`${path}: step 1 ("corpus.write") field "with.keepSegments": expected true or false, got string`);
});

test('missing file, missing steps and unknown top-level fields are PipelineErrors', () => {
  expect(() => loadPipeline(join(folder, 'nope.json'), registry)).toThrow(/cannot read the pipeline file \(ENOENT\)/);
  expect(() => loadPipeline(pipelineFile('{"name":"x","steps":[]}'), registry)).toThrow(/field "steps": expected a non-empty array/);
  expect(() => loadPipeline(pipelineFile('{"name":"x","steps":[{"use":"test.lines"}],"stpes":1}'), registry)).toThrow(PipelineError);
});
