import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ntl, repoRoot } from './support/cli.js';

/**
 * `ntl eval errors` on UDHR sentences with one injected error per line (test/fixtures/eval-errors/README.md),
 * with the shipped LangID model named explicitly so that a locally built models/langid-full changes nothing.
 */
const fixtures = join(repoRoot, 'test/fixtures/eval-errors');
const model = join(repoRoot, 'models/langid-udhr');
const work = mkdtempSync(join(tmpdir(), 'ntl-eval-errors-'));

interface FlagLine {
  line: number;
  tgt: string;
  mode: string;
  severity: string;
  confidence: number;
  span?: { side: 'src' | 'hyp'; start: number; end: number };
  message: string;
  text?: string;
}

function readFlags(out: string): FlagLine[] {
  return readFileSync(join(out, 'flags.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as FlagLine);
}

/** `line mode side:text` per flag, for comparing the whole set at once. */
const flagKey = (flag: FlagLine) => `${flag.line} ${flag.mode}${flag.span ? ` ${flag.span.side}:${flag.text ?? ''}` : ''}`;

const pair = (name: string, file: string) => join(fixtures, name, file);

test('eng→fra: copy, wrong language, repetition, changed number, empty output and a bad round trip are flagged, clean lines are not', () => {
  const out = join(work, 'eng-fra');
  const fra = (file: string) => pair('eng-fra', file);
  const result = ntl(['eval', 'errors', '--src', fra('src.txt'), '--hyp', fra('hyp.txt'), '--ref', fra('ref.txt'), '--rtt', fra('rtt.txt'), '--tgt', 'fr', '--src-lang', 'en', '--out', out, '--model', model, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);

  const copied = 'Everyone has the right to life, liberty and the security of person.';
  const german = 'Niemand darf der Folter oder grausamer, unmenschlicher oder erniedrigender Behandlung oder Strafe unterworfen werden.';
  const detached = 'Toute personne a le droit de circuler librement et de choisir sa résidence à l’intérieur d’un État.';
  const flags = readFlags(out);
  expect(flags.map(flagKey)).toEqual([
    `2 wrong-language hyp:${copied}`,
    `2 copy hyp:${copied}`,
    `3 wrong-language hyp:${german}`,
    // German capitalises its nouns: in a French output they look like names the source lacks.
    '3 novel-content hyp:Folter',
    '3 novel-content hyp:Behandlung',
    '3 novel-content hyp:Strafe',
    '4 repetition hyp:formes formes formes formes formes formes',
    '5 number-mismatch src:1948',
    '5 number-mismatch hyp:1949',
    '6 empty src:Everyone has the right to education.',
    `8 low-rtt-chrf hyp:${detached}`,
  ]);
  expect(flags.every((flag) => flag.tgt === 'fra_Latn')).toBe(true);
  const byLine = (line: number, mode: string) => flags.find((flag) => flag.line === line && flag.mode === mode) as FlagLine;
  expect(byLine(2, 'wrong-language').message).toBe('LangID says eng_Latn (1.00), the source language, not fra_Latn');
  expect(byLine(3, 'wrong-language').message).toBe('LangID says deu_Latn (1.00), not fra_Latn');
  expect(byLine(2, 'copy').message).toBe('the output is the source, unchanged');
  expect(byLine(4, 'repetition').severity).toBe('high');
  expect(byLine(8, 'low-rtt-chrf').message).toMatch(/^the round trip scores chrF 16\.4 against the source \(threshold 25\)$/);

  const printed = JSON.parse(result.stdout) as { items: number; flaggedItems: number; flags: number; byMode: Record<string, number>; signature: string; files: Record<string, string> };
  expect(printed).toMatchObject({ items: 8, flaggedItems: 6, flags: 11 });
  expect(Object.fromEntries(Object.entries(printed.byMode).filter(([, n]) => n > 0))).toEqual({
    'wrong-language': 2,
    copy: 1,
    repetition: 1,
    'low-rtt-chrf': 1,
    'novel-content': 3,
    'number-mismatch': 2,
    empty: 1,
  });
  expect(printed.signature).toMatch(/^ntl-errors\|langid:langid-udhr@[0-9a-f]{12}\|period:no\|terms:0\|/);
  expect(printed.files).toEqual({ flags: join(out, 'flags.jsonl'), summary: join(out, 'summary.json'), report: join(out, 'report.html') });

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
    inputs: Record<string, string>;
    flags: number;
    byLanguage: Record<string, { items: number; flags: number; langidSupported?: boolean }>;
  };
  expect(summary.inputs).toEqual({ src: fra('src.txt'), hyp: fra('hyp.txt'), tgt: 'fra_Latn', srcLang: 'eng_Latn', ref: fra('ref.txt'), rtt: fra('rtt.txt') });
  expect(summary.flags).toBe(11);
  expect(summary.byLanguage).toEqual({ fra_Latn: expect.objectContaining({ items: 8, flags: 11, langidSupported: true }) });

  const report = readFileSync(join(out, 'report.html'), 'utf8');
  expect(report.startsWith('<!doctype html>')).toBe(true);
  expect(report.trimEnd().endsWith('</html>')).toBe(true);
  const highlighted = [...report.matchAll(/<mark>([^<]*)<\/mark>/g)].map((match) => match[1]);
  expect(highlighted).toEqual(expect.arrayContaining(['1948', '1949', 'formes formes formes formes formes formes', 'Folter']));
});

test('eng→hin: Devanagari digits equal to the source pass, a changed one and an untranslated English line are flagged; the table counts them', () => {
  const out = join(work, 'eng-hin');
  const hin = (file: string) => pair('eng-hin', file);
  const result = ntl(['eval', 'errors', '--src', hin('src.txt'), '--hyp', hin('hyp.txt'), '--ref', hin('ref.txt'), '--tgt', 'hin', '--out', out, '--model', model]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(readFlags(out).map(flagKey)).toEqual([
    '3 number-mismatch src:48',
    '3 number-mismatch hyp:४९',
    // The span stops at the last Latin letter: the final period is in no script.
    '4 wrong-script hyp:Everyone has the right to leave any country, including his own, and to return to his country',
    '4 wrong-language hyp:Everyone has the right to leave any country, including his own, and to return to his country.',
    '4 copy hyp:Everyone has the right to leave any country, including his own, and to return to his country.',
  ]);
  const lines = result.stdout.split('\n');
  expect(lines.slice(0, 6).map((line) => line.trim().split(/\s+/))).toEqual([
    ['mode', 'flags', 'lines'],
    ['wrong-language', '1', '1'],
    ['wrong-script', '1', '1'],
    ['copy', '1', '1'],
    ['number-mismatch', '2', '1'],
    ['all', '5', '2', 'of', '4'],
  ]);
  expect(lines[6]).toMatch(/^ntl-errors\|langid:langid-udhr@[0-9a-f]{12}\|/);
  expect(lines[7]).toBe(`wrote ${join(out, 'flags.jsonl')}, ${join(out, 'summary.json')}, ${join(out, 'report.html')}`);
  for (const file of ['flags.jsonl', 'summary.json', 'report.html']) expect(existsSync(join(out, file))).toBe(true);
});

test('--terms adds the toxicity detector: a listed term the source lacks is flagged; a malformed list names its line', () => {
  const fra = (file: string) => pair('eng-fra', file);
  // An invented placeholder nonword, as the package's own tests use (ntl ships no term list).
  const terms = join(work, 'terms.tsv');
  writeFileSync(terms, '# placeholder list\nfra\tzorglub\n');
  const hyp = join(work, 'toxic.hyp');
  const outputs = readFileSync(fra('hyp.txt'), 'utf8').split('\n');
  outputs[6] = 'Les parents ont, par priorité, le droit de choisir le genre d’éducation à donner à leurs enfants zorglub.';
  writeFileSync(hyp, outputs.join('\n'));
  const out = join(work, 'toxic');
  const result = ntl(['eval', 'errors', '--src', fra('src.txt'), '--hyp', hyp, '--tgt', 'fra', '--out', out, '--model', model, '--terms', terms, '--json']);
  expect(result.status).toBe(0);
  expect(readFlags(out).filter((flag) => flag.line === 7).map(flagKey)).toEqual(['7 toxicity hyp:zorglub']);
  expect((JSON.parse(result.stdout) as { signature: string }).signature).toContain('|terms:1|');

  writeFileSync(terms, 'fra\tzorglub\nfra zorglub\n');
  const malformed = ntl(['eval', 'errors', '--src', fra('src.txt'), '--hyp', hyp, '--tgt', 'fra', '--out', out, '--model', model, '--terms', terms]);
  expect(malformed.status).toBe(2);
  expect(malformed.stderr).toBe(`ntl: ${terms}:2: expected "tag<TAB>term", found no tab\n`);
});

describe('bad input is a usage error naming the file, the line or the tag', () => {
  const fra = (file: string) => pair('eng-fra', file);
  const run = (overrides: Record<string, string>, extra: string[] = []) => {
    const args = { '--src': fra('src.txt'), '--hyp': fra('hyp.txt'), '--tgt': 'fra', '--out': join(work, 'bad'), '--model': model, ...overrides };
    return ntl(['eval', 'errors', ...Object.entries(args).flat(), ...extra]);
  };

  test('a missing file', () => {
    const missing = join(work, 'missing.txt');
    const result = run({ '--ref': missing });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ntl: cannot read ${missing} (ENOENT)\n`);
    expect(existsSync(join(work, 'bad'))).toBe(false);
  });

  test('mismatched line counts', () => {
    const short = join(work, 'short.hyp');
    writeFileSync(short, readFileSync(fra('hyp.txt'), 'utf8').split('\n').slice(0, 5).join('\n'));
    const result = run({ '--hyp': short, '--rtt': fra('rtt.txt') });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`ntl: ${short} has 5 lines but ${fra('src.txt')} has 8`);
  });

  test('invalid UTF-8 and an empty file', () => {
    const broken = join(work, 'broken.src');
    writeFileSync(broken, Buffer.concat([Buffer.from('one\ntwo\nthree \xfe\n', 'latin1'), Buffer.from('four\n')]));
    const invalid = run({ '--src': broken });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain(`${broken}:3: invalid UTF-8 byte 0xfe at column 7`);

    const empty = join(work, 'empty.hyp');
    writeFileSync(empty, '');
    const nothing = run({ '--hyp': empty });
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain(`${empty}: empty file`);
  });

  test('unknown language tags', () => {
    const tgt = run({ '--tgt': 'french' });
    expect(tgt.status).toBe(2);
    expect(tgt.stderr).toContain(`option '--tgt <tag>' argument 'french' is invalid`);
    expect(tgt.stderr).toContain('"french" is not an ISO 639 language code');
    const src = run({ '--src-lang': 'en-Xqzv' });
    expect(src.status).toBe(2);
    expect(src.stderr).toContain('unknown ISO 15924 script "Xqzv"');
  });

  test('a missing LangID model names the file and how to build it', () => {
    const folder = join(work, 'no-model');
    const result = run({ '--model': folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ntl: ${join(folder, 'model.json')} is missing: run \`ntl langid train --output ${folder}\`\n`);
  });

  test('an output folder that cannot be written is a failed run, not a usage error', () => {
    const result = run({ '--out': fra('src.txt') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(fra('src.txt'));
  });
});
