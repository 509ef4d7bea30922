import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVAL_VERSION, sentenceChrf } from '@ntl/eval';
import { loadLangIdModel, modelFolderIdentity } from '@ntl/langid';
import { ntl, repoRoot } from './support/cli.js';

/**
 * `ntl eval rtt` on five English UDHR sentences round-tripped through French (test/fixtures/eval-rtt/README.md):
 * lines 1, 2 and 4 go through French, line 3 through German (wrong language) and line 5 is copied untranslated;
 * the back-translations of lines 3 and 5 are the source itself. The expected scores are computed here from
 * sentence chrF and the model's own probabilities, as the metric defines them (docs/eval-errors.md).
 */
const fixtures = join(repoRoot, 'test/fixtures/eval-rtt');
const model = join(repoRoot, 'models/langid-udhr');
const work = mkdtempSync(join(tmpdir(), 'ntl-eval-rtt-'));
const files = { src: join(fixtures, 'src.eng'), fwd: join(fixtures, 'fwd.fra'), back: join(fixtures, 'back.eng') };
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);
const src = lines(files.src);
const fwd = lines(files.fwd);
const back = lines(files.back);
/** c_i = sentence chrF(back_i, [src_i]), sacrebleu's chrF2. */
const chrf = src.map((s, i) => sentenceChrf(back[i] as string, [s]).score);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const modelName = (() => {
  const { name, hash } = modelFolderIdentity(model);
  return `${name}@${hash}`;
})();

interface RttJson {
  name: string;
  score: number;
  signature: string;
  variant: string;
  srcLang: string;
  tgt: string;
  n: number;
  kept: number;
  rttChrf: number;
}

function rtt(extra: string[], paths: Partial<typeof files> = {}): { status: number | null; stdout: string; stderr: string } {
  const { src: s, fwd: f, back: b } = { ...files, ...paths };
  return ntl(['eval', 'rtt', '--src', s, '--fwd', f, '--back', b, '--src-lang', 'eng', '--tgt', 'fra', '--model', model, ...extra]);
}

function rttJson(extra: string[], paths: Partial<typeof files> = {}): RttJson {
  const result = rtt([...extra, '--json', '--width', '6'], paths);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as RttJson;
}

const signatureTail = `agg:mean|metric:chrF2|case:mixed|eff:yes|nc:6|nw:0|space:no|sacrebleu:2.6.0|version:${EVAL_VERSION}`;

test('the fixture is what the scores below assume: perfect round trips through the wrong language and a copy', () => {
  expect(chrf[2]).toBe(100);
  expect(chrf[4]).toBe(100);
  expect(fwd[4]).toBe(src[4]);
  for (const i of [0, 1, 3]) expect(chrf[i]).toBeLessThan(100);
});

test('strict: the mean of chrF over all lines, with the German and the copied forward translations scoring 0', () => {
  const printed = rttJson(['--variant', 'strict']);
  const expected = (chrf[0]! + chrf[1]! + chrf[3]!) / 5;
  expect(printed).toMatchObject({ name: 'RTTLangIDChrF', variant: 'strict', srcLang: 'eng_Latn', tgt: 'fra_Latn', n: 5, kept: 3 });
  expect(printed.score).toBeCloseTo(expected, 5);
  expect(printed.rttChrf).toBeCloseTo(mean(chrf), 5);
  expect(printed.signature).toBe(`RTTLangIDChrF|variant:strict|langid:${modelName}|macro:yes|${signatureTail}`);

  // Replacing the German line by its French translation lets it through the gate, with its own round trip.
  const french = join(work, 'fwd-all-french.fra');
  writeFileSync(french, fwd.map((line, i) => (i === 2 ? 'Nul ne sera soumis à la torture, ni à des peines ou traitements cruels, inhumains ou dégradants.' : line)).join('\n') + '\n');
  const fixed = rttJson(['--variant', 'strict'], { fwd: french });
  expect(fixed.kept).toBe(4);
  expect(fixed.score).toBeCloseTo(expected + chrf[2]! / 5, 5);

  const text = rtt([]);
  expect(text.status).toBe(0);
  expect(text.stdout).toBe(`RTTLangIDChrF|variant:strict|langid:${modelName}|macro:yes|${signatureTail} = ${expected.toFixed(2)} (kept 3 of 5, round-trip chrF ${mean(chrf).toFixed(2)})\n`);
});

test('loose: each round trip weighted by the model\'s probability that the forward translation is French', async () => {
  const classifier = await loadLangIdModel(model);
  const predictions = classifier.predict(fwd, { k: 5 });
  classifier.dispose();
  const weights = predictions.map((p) => p.top.filter(([tag]) => tag === 'fra_Latn').reduce((sum, [, score]) => sum + score, 0));
  // The German and the English lines get no French probability in the top 5: gated out here too.
  expect(weights[2]).toBe(0);
  expect(weights[4]).toBe(0);
  for (const i of [0, 1, 3]) expect(weights[i]).toBeGreaterThan(0.8);

  const printed = rttJson(['--variant', 'loose']);
  expect(printed.kept).toBeCloseTo(weights.reduce((a, b) => a + b, 0), 5);
  expect(printed.score).toBeCloseTo(mean(chrf.map((c, i) => c * weights[i]!)), 5);
  expect(printed.signature).toBe(`RTTLangIDChrF|variant:loose|langid:${modelName}|macro:yes|k:5|${signatureTail}`);
});

describe('bad input is a usage error naming the file or the option', () => {
  test('a missing file', () => {
    const missing = join(work, 'missing.eng');
    const result = rtt([], { back: missing });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ntl: cannot read ${missing} (ENOENT)\n`);
  });

  test('mismatched line counts', () => {
    const short = join(work, 'short.eng');
    writeFileSync(short, back.slice(0, 4).join('\n') + '\n');
    const result = rtt([], { back: short });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`ntl: ${short} has 4 lines but ${files.src} has 5`);
  });

  test('invalid UTF-8', () => {
    const broken = join(work, 'broken.fra');
    writeFileSync(broken, Buffer.concat([Buffer.from('un\ndeux \xe9\n', 'latin1'), Buffer.from('trois\nquatre\ncinq\n')]));
    const result = rtt([], { fwd: broken });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${broken}:2: invalid UTF-8 byte 0xe9 at column 6`);
  });

  test('bad language tags, the same language on both sides, and a target the model does not know', () => {
    const bad = ntl(['eval', 'rtt', '--src', files.src, '--fwd', files.fwd, '--back', files.back, '--src-lang', 'english', '--tgt', 'fra', '--model', model]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`option '--src-lang <tag>' argument 'english' is invalid`);

    const same = ntl(['eval', 'rtt', '--src', files.src, '--fwd', files.fwd, '--back', files.back, '--src-lang', 'fr', '--tgt', 'fra_Latn', '--model', model]);
    expect(same.status).toBe(2);
    expect(same.stderr).toBe('ntl: --src-lang fra_Latn and --tgt fra_Latn are the same language; a round trip goes through another\n');

    const unknown = ntl(['eval', 'rtt', '--src', files.src, '--fwd', files.fwd, '--back', files.back, '--src-lang', 'eng', '--tgt', 'got', '--model', model]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`ntl: the LangID model ${modelName} does not know got_Goth: RTTLangIDChrF would score every sentence 0\n`);
  });

  test('an unknown variant', () => {
    const result = rtt(['--variant', 'lenient']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`argument 'lenient' is invalid. Allowed choices are strict, loose.`);
  });
});
