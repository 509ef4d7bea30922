import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ntl, repoRoot } from './support/cli.js';

/** `ntl eval` against sacrebleu 2.6.0's own numbers (the conformance vectors of packages/eval). */
interface Vector {
  name: string;
  hyps: string[];
  refs: string[][];
  score: number;
  signature: string;
}

const vectors = (JSON.parse(readFileSync(join(repoRoot, 'packages/eval/test/fixtures/sacrebleu/vectors.json'), 'utf8')) as { corpus: Vector[] }).corpus;
const work = mkdtempSync(join(tmpdir(), 'ntl-eval-'));

function filesFor(vector: Vector): { hyp: string; refs: string[] } {
  const hyp = join(work, `${vector.name}.hyp`);
  writeFileSync(hyp, `${vector.hyps.join('\n')}\n`);
  const refs = vector.refs.map((stream, k) => {
    const path = join(work, `${vector.name}.ref${k}`);
    writeFileSync(path, `${stream.join('\n')}\n`);
    return path;
  });
  return { hyp, refs };
}

test.each([
  ['bleu_intl', ['--metrics', 'bleu', '--tokenize', 'intl']],
  ['chrf2pp_nonlatin', ['--metrics', 'chrf++']],
  ['ter_default_2refs', ['--metrics', 'ter']],
  ['bleu_lc', ['--metrics', 'bleu', '--lowercase']],
])('ntl eval score reproduces sacrebleu on %s', (name, flags) => {
  const vector = vectors.find((candidate) => candidate.name === name) as Vector;
  const { hyp, refs } = filesFor(vector);
  const result = ntl(['eval', 'score', '--hyp', hyp, '--ref', ...refs, ...flags, '--json']);
  expect(result.status).toBe(0);
  const printed = JSON.parse(result.stdout) as { score: number; signature: string };
  expect(printed.signature).toBe(vector.signature);
  expect(printed.score).toBeCloseTo(vector.score, 2);
});

test('mismatched line counts, invalid UTF-8 and unknown settings are usage errors naming the file', () => {
  const vector = vectors[0] as Vector;
  const { hyp, refs } = filesFor(vector);
  const short = join(work, 'short.hyp');
  writeFileSync(short, 'one line\n');
  const mismatch = ntl(['eval', 'score', '--hyp', short, '--ref', refs[0] as string]);
  expect(mismatch.status).toBe(2);
  expect(mismatch.stderr).toContain(`${short} has 1 lines but ${refs[0]} has 3`);

  const broken = join(work, 'broken.hyp');
  writeFileSync(broken, Buffer.concat([Buffer.from('fine\nbad \xff byte\n', 'latin1'), Buffer.from('third\n')]));
  const invalid = ntl(['eval', 'score', '--hyp', broken, '--ref', refs[0] as string]);
  expect(invalid.status).toBe(2);
  expect(invalid.stderr).toContain(`${broken}:2: invalid UTF-8 byte 0xff at column 5`);

  expect(ntl(['eval', 'score', '--hyp', hyp, '--ref', ...refs, '--tokenize', 'moses']).stderr).toContain('unknown tokenizer "moses"');
  expect(ntl(['eval', 'score', '--hyp', hyp, '--ref', ...refs, '--metrics', 'bleu,meteor']).status).toBe(2);
  expect(ntl(['eval', 'score', '--hyp', hyp, '--ref', ...refs, '--tokenize', 'zh']).status).toBe(2);
});

test('ntl eval compare runs a paired bootstrap test against the baseline', () => {
  const vector = vectors[0] as Vector;
  const { hyp, refs } = filesFor(vector);
  const result = ntl(['eval', 'compare', '--baseline', hyp, '--system', refs[1] as string, '--ref', refs[0] as string, '--metrics', 'bleu', '--json']);
  expect(result.status).toBe(0);
  const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  expect(JSON.stringify(parsed)).toContain('p_value');
});
