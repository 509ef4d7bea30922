import { readFileSync } from 'node:fs';
import { pyRstrip } from '../src/python/str.js';
import { corpusBleu, corpusChrf, corpusTer, sentenceBleu, sentenceChrf, sentenceTer, tokenize13a, tokenizeChar, tokenizeIntl, tokenizeTercom, type Score } from '../src/index.js';

interface TrickyCase {
  name: string;
  hyp: string;
  refs: string[];
  scores: Record<string, number>;
  tokens: Record<string, string>;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/derived/tricky-cases.json', import.meta.url), 'utf8')) as {
  cases: TrickyCase[];
  corpus_first_reference: Record<string, number>;
};

type Scorer = { sentence: (hyp: string, refs: string[]) => Score; corpus: (hyps: string[], refs: string[][]) => Score };
const SETTINGS: Record<string, Scorer> = {
  bleu: { sentence: (h, r) => sentenceBleu(h, r), corpus: (h, r) => corpusBleu(h, r, { effectiveOrder: true }) },
  bleu_intl: { sentence: (h, r) => sentenceBleu(h, r, { tokenize: 'intl' }), corpus: (h, r) => corpusBleu(h, r, { tokenize: 'intl', effectiveOrder: true }) },
  bleu_char: { sentence: (h, r) => sentenceBleu(h, r, { tokenize: 'char' }), corpus: (h, r) => corpusBleu(h, r, { tokenize: 'char', effectiveOrder: true }) },
  bleu_lc: { sentence: (h, r) => sentenceBleu(h, r, { lowercase: true }), corpus: (h, r) => corpusBleu(h, r, { lowercase: true, effectiveOrder: true }) },
  chrf: { sentence: (h, r) => sentenceChrf(h, r), corpus: (h, r) => corpusChrf(h, r) },
  chrfpp: { sentence: (h, r) => sentenceChrf(h, r, { wordOrder: 2 }), corpus: (h, r) => corpusChrf(h, r, { wordOrder: 2 }) },
  chrf_ws: { sentence: (h, r) => sentenceChrf(h, r, { whitespace: true }), corpus: (h, r) => corpusChrf(h, r, { whitespace: true }) },
  chrf_lc: { sentence: (h, r) => sentenceChrf(h, r, { lowercase: true }), corpus: (h, r) => corpusChrf(h, r, { lowercase: true }) },
  ter: { sentence: (h, r) => sentenceTer(h, r), corpus: (h, r) => corpusTer(h, r) },
  ter_cased: { sentence: (h, r) => sentenceTer(h, r, { caseSensitive: true }), corpus: (h, r) => corpusTer(h, r, { caseSensitive: true }) },
  ter_norm_asian: { sentence: (h, r) => sentenceTer(h, r, { normalized: true, asianSupport: true }), corpus: (h, r) => corpusTer(h, r, { normalized: true, asianSupport: true }) },
  ter_nopunct_asian: { sentence: (h, r) => sentenceTer(h, r, { noPunct: true, asianSupport: true }), corpus: (h, r) => corpusTer(h, r, { noPunct: true, asianSupport: true }) },
};

describe('tricky inputs, against values from sacrebleu source run under CPython (fixtures/derived)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const [setting, expected] of Object.entries(c.scores)) {
      const got = (SETTINGS[setting] as Scorer).sentence(c.hyp, c.refs).score;
      expect({ setting, got }).toEqual({ setting, got: expect.closeTo(expected, 9) });
    }
    expect(tokenize13a(pyRstrip(c.hyp))).toBe(c.tokens['13a']);
    expect(tokenizeIntl(pyRstrip(c.hyp))).toBe(c.tokens.intl);
    expect(tokenizeChar(pyRstrip(c.hyp))).toBe(c.tokens.char);
    expect(tokenizeTercom(pyRstrip(c.hyp), { normalized: true, asianSupport: true })).toBe(c.tokens.tercom_norm_asian);
  });

  it('scores all cases as one corpus', () => {
    const hyps = fixture.cases.map((c) => c.hyp);
    const refs = [fixture.cases.map((c) => c.refs[0] as string)];
    for (const [setting, expected] of Object.entries(fixture.corpus_first_reference)) {
      expect({ setting, got: (SETTINGS[setting] as Scorer).corpus(hyps, refs).score }).toEqual({ setting, got: expect.closeTo(expected, 9) });
    }
  });
});

describe('properties that follow directly from sacrebleu code', () => {
  it('identical hypothesis and reference score 100 / 0 in every script', () => {
    for (const s of ['नमस्ते दुनिया।', '这是一个测试。', 'ภาษาไทยง่ายมาก', '👍🏽 ok', 'e\u0301']) {
      expect(sentenceChrf(s, [s]).score).toBe(100);
      expect(sentenceChrf(s, [s], { wordOrder: 2 }).score).toBe(100);
      expect(sentenceBleu(s, [s], { tokenize: 'char' }).score).toBeCloseTo(100, 12);
      expect(sentenceTer(s, [s]).score).toBe(0);
    }
  });

  it('TER counts a moved block as one shift: "c d e a b" vs "a b c d e" is 1/5', () => {
    expect(sentenceTer('c d e a b', ['a b c d e']).score).toBe(20);
    expect(sentenceTer('c d e a b', ['a b c d e']).numEdits).toBe(1);
  });

  it('Python whitespace, not JavaScript whitespace, separates tokens', () => {
    // U+001C and U+0085 are Python whitespace (not JS \s); U+FEFF is JS \s but not Python whitespace.
    expect(tokenize13a('a\x1cb\x85c')).toBe('a b c');
    expect(tokenize13a('x\ufeffy')).toBe('x\ufeffy');
    expect(sentenceBleu('a\u3000b\u2028c', ['a b c']).score).toBeCloseTo(100, 12);
  });

  it('empty lines score as sacrebleu scores them', () => {
    expect(sentenceBleu('', ['']).score).toBe(0);
    expect(sentenceChrf('', ['']).score).toBe(0);
    expect(sentenceTer('', ['']).score).toBe(0);
    expect(sentenceTer('a b', ['']).score).toBe(100);
    expect(corpusTer(['', 'a b c'], [['', 'a b c']]).score).toBe(0);
  });

  it('chrF counts characters as code points', () => {
    // 'a😀' has 2 code points (3 UTF-16 units): unigrams 2, bigrams 1, nothing above.
    const score = sentenceChrf('a😀', ['a😀b']);
    // precision 1 for orders 1-2, recall 2/3 and 1/2: F2 of the averages (7/12 recall).
    const p = 1;
    const r = (2 / 3 + 1 / 2) / 2;
    expect(score.score).toBeCloseTo((100 * 5 * p * r) / (4 * p + r), 12);
  });
});
