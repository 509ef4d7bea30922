import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RttInputError, SegmentFileError, rttLangIdChrf, rttSignature, runRttLangIdChrf, sentenceChrf, type RttItem } from '../src/index.js';
import { wordListClassifier } from './fixtures/errors/word-list-classifier.js';

// English → French → English round trips. The second "translation" copies its input: it round-trips perfectly,
// which is what plain RTT chrF rewards and RTTLangIDChrF must not.
const items: RttItem[] = [
  { src: 'The cat is black.', fwd: 'Le chat est noir.', back: 'The cat is black.', tgtLang: 'fra_Latn' },
  { src: 'The dog is in the garden.', fwd: 'The dog is in the garden.', back: 'The dog is in the garden.', tgtLang: 'fra_Latn' },
  { src: 'It was a long day.', fwd: 'Ce fut une longue journée.', back: 'It was a long journey.', tgtLang: 'fr' },
];
const model = 'word-list@test';

describe('RTTLangIDChrF', () => {
  // Sentence chrF of each back-translation against its source, and the test classifier's P(fra | fwd):
  // "Le chat est noir." has le, est → 3/4; the copy has the×2, is, in → 1/6; "Ce fut une…" has une → 2/3.
  const c3 = sentenceChrf('It was a long journey.', ['It was a long day.']).score;

  it('strict: counts a round trip only when LangID puts the forward translation in the target language', () => {
    const r = rttLangIdChrf(items, wordListClassifier, { model });
    expect(r.sentences.map((s) => [s.weight, s.predicted])).toEqual([
      [1, 'fra_Latn'],
      [0, 'eng_Latn'],
      [1, 'fra_Latn'],
    ]);
    expect(r.score).toBeCloseTo((100 + 0 + c3) / 3, 10);
    expect(r.rttChrf).toBeCloseTo((100 + 100 + c3) / 3, 10);
    expect([r.n, r.kept, r.variant]).toEqual([3, 2, 'strict']);
    expect(r.byLanguage).toEqual({ fra_Latn: { score: r.score, n: 3, kept: 2, rttChrf: r.rttChrf } });
  });

  it('loose: weights each round trip by the probability LangID gives the target', () => {
    const r = rttLangIdChrf(items, wordListClassifier, { model, variant: 'loose' });
    expect(r.sentences.map((s) => s.weight)).toEqual([3 / 4, 1 / 6, 2 / 3]);
    expect(r.score).toBeCloseTo((100 * (3 / 4) + 100 * (1 / 6) + c3 * (2 / 3)) / 3, 10);
    expect(r.kept).toBeCloseTo(3 / 4 + 1 / 6 + 2 / 3, 12);
  });

  it('passes chrF settings through and names variant, model and metric settings in the signature', () => {
    const pp = rttLangIdChrf(items, wordListClassifier, { model, wordOrder: 2 });
    expect(pp.sentences[2]?.chrf).toBe(sentenceChrf('It was a long journey.', ['It was a long day.'], { wordOrder: 2 }).score);
    expect(pp.signature).toBe('RTTLangIDChrF|variant:strict|langid:word-list@test|macro:yes|agg:mean|metric:chrF2++|case:mixed|eff:yes|nc:6|nw:2|space:no|sacrebleu:2.6.0|version:0.1.0');
    expect(rttSignature({ model, variant: 'loose', k: 3 })).toBe('RTTLangIDChrF|variant:loose|langid:word-list@test|macro:yes|k:3|agg:mean|metric:chrF2|case:mixed|eff:yes|nc:6|nw:0|space:no|sacrebleu:2.6.0|version:0.1.0');
  });

  it('refuses a target the LangID model does not know, an unknown variant and an empty input', () => {
    expect(() => rttLangIdChrf([{ ...items[0], tgtLang: 'deu_Latn' } as RttItem], wordListClassifier, { model })).toThrow(
      new RttInputError('the LangID model word-list@test does not know deu_Latn: RTTLangIDChrF would score every sentence 0'),
    );
    expect(() => rttLangIdChrf(items, wordListClassifier, { model, variant: 'lax' as 'loose' })).toThrow('unknown RTTLangIDChrF variant "lax"');
    expect(() => rttLangIdChrf([], wordListClassifier, { model })).toThrow('no round trips to score');
    expect(() => rttLangIdChrf([{ ...items[0], tgtLang: 'xx_Nope' } as RttItem], wordListClassifier, { model })).toThrow(/xx_Nope/u);
  });
});

describe('runRttLangIdChrf (files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ntl-rtt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: readonly string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
    return path;
  };

  it('reads source, forward and back files and scores them as the library call does', () => {
    const srcPath = write('src.txt', items.map((i) => i.src));
    const fwdPath = write('fwd.txt', items.map((i) => i.fwd));
    const backPath = write('back.txt', items.map((i) => i.back));
    const r = runRttLangIdChrf({ srcPath, fwdPath, backPath, tgt: 'fr', classifier: wordListClassifier, model });
    expect(r.score).toBe(rttLangIdChrf(items, wordListClassifier, { model }).score);
  });

  it('refuses files of different lengths and empty files, naming them', () => {
    const srcPath = write('src.txt', ['a', 'b']);
    const fwdPath = write('fwd.txt', ['x']);
    const backPath = write('back.txt', ['a', 'b']);
    expect(() => runRttLangIdChrf({ srcPath, fwdPath, backPath, tgt: 'fr', classifier: wordListClassifier, model })).toThrow(
      new SegmentFileError(`${backPath} has 2 lines but ${fwdPath} has 1; hypothesis and reference files must have the same number of lines`, fwdPath),
    );
    const empty = write('empty.txt', []);
    expect(() => runRttLangIdChrf({ srcPath: empty, fwdPath, backPath, tgt: 'fr', classifier: wordListClassifier, model })).toThrow(`${empty}: empty file, no lines to score`);
  });
});
