import { Bleu, Chrf, ScoringInputError, Ter, UnsupportedTokenizerError, chrfWords, corpusBleu, corpusChrf, corpusTer, sentenceBleu, sentenceChrf, sentenceTer, tokenizeTercom } from '../src/index.js';
import { exp, log } from '../src/python/libm.js';

describe('BLEU', () => {
  it('uses the closest reference length, the shorter one on ties', () => {
    // 5 words against 4- and 6-word references: both 1 away, so 4 is used (no brevity penalty).
    const s = sentenceBleu('one two three four five', ['one two three four', 'one two three four five six']);
    expect(s.refLen).toBe(4);
    expect(s.bp).toBe(1);
    // 3 words against 2 and 4: both 1 away, 2 is used.
    expect(corpusBleu(['a b c'], [['a b'], ['a b c d']]).refLen).toBe(2);
  });

  it('counts n-grams clipped by the maximum count over references', () => {
    const s = corpusBleu(['the the the the'], [['the cat'], ['the the mat']]);
    expect(s.counts).toEqual([2, 1, 0, 0]);
    expect(s.totals).toEqual([4, 3, 2, 1]);
  });

  it('applies effective order only when asked (sentence BLEU turns it on)', () => {
    // Two words: no 3- or 4-grams. Without effective order exp smoothing cannot help: BLEU is 0.
    expect(corpusBleu(['a b'], [['a b']]).score).toBe(0);
    expect(sentenceBleu('a b', ['a b']).score).toBeCloseTo(100, 12);
    expect(sentenceBleu('a b', ['a b']).signature.format()).toContain('eff:yes');
  });

  it('signs and computes floor and add-k smoothing with their values', () => {
    const floor = corpusBleu(['a b c x'], [['a b c d']], { smoothMethod: 'floor', smoothValue: 0.5 });
    expect(floor.signature.format()).toContain('smooth:floor[0.50]');
    // 4-gram: 0 matches of 1 → 100 * 0.5 / 1
    expect(floor.precisions[3]).toBe(50);
    const addK = corpusBleu(['a b c x'], [['a b c d']], { smoothMethod: 'add-k' });
    expect(addK.signature.format()).toContain('smooth:add-k[1.00]');
    expect(addK.counts).toEqual([3, 3, 2, 1]);
    expect(addK.totals).toEqual([4, 4, 3, 2]);
  });

  it('refuses tokenizers it cannot run, with the reason', () => {
    expect(() => new Bleu({ tokenize: 'zh' })).toThrow(UnsupportedTokenizerError);
    expect(() => new Bleu({ tokenize: 'ja-mecab' })).toThrow(/'ja-mecab' is not supported: it needs MeCab/);
    expect(() => new Bleu({ tokenize: 'flores200' })).toThrow(/SentencePiece/);
    expect(() => new Bleu({ tokenize: 'moses' })).toThrow("unknown BLEU tokenizer 'moses'; expected one of 13a, intl, char, none");
    expect(() => new Bleu({ smoothMethod: 'linear' as never })).toThrow(/unknown BLEU smoothing method 'linear'/);
  });

  it('lowercases the Python way: İ becomes i + combining dot', () => {
    expect(sentenceBleu('İ', ['i'], { lowercase: true, tokenize: 'char' }).counts[0]).toBe(1);
    expect(sentenceBleu('İ', ['i'], { lowercase: true, tokenize: 'char' }).totals[0]).toBe(2);
  });
});

describe('chrF', () => {
  it("splits one punctuation mark off a word's end, else its start", () => {
    expect(chrfWords('(hi) "quoted" end. a , x!y')).toEqual(['(hi', ')', '"quoted', '"', 'end', '.', 'a', ',', 'x!y']);
    expect(chrfWords('😀. .😀 ‘q’')).toEqual(['😀', '.', '.', '😀', '‘q’']);
  });

  it('names chrF2, chrF2++ and chrF1 as sacrebleu does', () => {
    expect(new Chrf().name).toBe('chrF2');
    expect(new Chrf({ wordOrder: 2 }).name).toBe('chrF2++');
    expect(new Chrf({ beta: 1, wordOrder: 1 }).name).toBe('chrF1+');
    expect(() => new Chrf({ charOrder: 0, wordOrder: 0 })).toThrow(/charOrder \+ wordOrder > 0/);
  });

  it('picks the reference with the best sentence F-score', () => {
    const multi = sentenceChrf('abcdef', ['xyz', 'abcdef']).score;
    expect(multi).toBe(100);
    const stats = new Chrf().segmentStats(['abc'], [['abc'], ['ab']]);
    expect(Array.from(stats.slice(0, 9))).toEqual([3, 3, 3, 2, 2, 2, 1, 1, 1]);
  });

  it('ignores whitespace unless asked', () => {
    expect(sentenceChrf('a b', ['ab']).score).toBe(100);
    expect(sentenceChrf('a b', ['ab'], { whitespace: true }).score).toBeLessThan(100);
  });
});

describe('TER', () => {
  it('normalises punctuation, case and CJK as Tercom', () => {
    expect(tokenizeTercom("The U.S. isn't big, is it?")).toBe("the u.s. isn't big, is it?");
    expect(tokenizeTercom("The U.S. isn't big, is it?", { normalized: true })).toBe("the u . s . isn't big , is it ?");
    expect(tokenizeTercom("John's car, 3.5-4", { normalized: true, caseSensitive: true })).toBe("John 's car , 3.5 - 4");
    expect(tokenizeTercom('东京（日本）', { normalized: true, asianSupport: true })).toBe('东 京 （ 日 本 ）');
    expect(tokenizeTercom('"a", (b)!', { noPunct: true })).toBe('a b');
  });

  it('takes the fewest edits over references and averages their lengths', () => {
    const s = corpusTer(['a b c'], [['a b c d e f'], ['a b x']]);
    // best: 1 edit (against 'a b x'); average reference length (6 + 3) / 2
    expect(s.numEdits).toBe(1);
    expect(s.refLength).toBe(4.5);
    expect(s.score).toBeCloseTo(100 / 4.5, 12);
  });

  it('shifts blocks before counting insertions and deletions', () => {
    expect(sentenceTer('d e f a b c', ['a b c d e f']).numEdits).toBe(1);
    expect(sentenceTer('b a', ['a b']).numEdits).toBe(1);
    expect(sentenceTer('a b c', ['c b a']).numEdits).toBe(2);
    // 120 words, halves swapped: value from sacrebleu's algorithm run under CPython
    const long = Array.from({ length: 120 }, (_, i) => `w${i % 40}`);
    const shuffled = [...long.slice(60), ...long.slice(0, 60)];
    expect(sentenceTer(shuffled.join(' '), [long.join(' ')]).numEdits).toBe(40);
  });

  it('signs its options', () => {
    expect(new Ter({ normalized: true, noPunct: true, asianSupport: true, caseSensitive: true }).signatureEntries.map((e) => `${e[0]}:${e[2]}`)).toEqual([
      'case:mixed',
      'tok:tercom',
      'norm:yes',
      'punct:no',
      'asian:yes',
    ]);
  });
});

describe('input checks', () => {
  it('refuses empty corpora and reference streams of the wrong length', () => {
    expect(() => corpusChrf([], [[]])).toThrow(ScoringInputError);
    expect(() => corpusChrf(['a'], [])).toThrow('no reference streams given');
    expect(() => corpusBleu(['a', 'b'], [['a', 'b'], ['a']])).toThrow('reference stream 2 has 1 segments but there are 2 hypotheses');
  });
});

describe('correctly rounded exp and log (as glibc, hence CPython, computes them)', () => {
  it('returns the nearest double where V8 is one ulp off', () => {
    // CPython 3.11 on glibc: math.log / math.exp give these; Math.log / Math.exp do not.
    expect(log(95.60386684620605)).toBe(4.560213267421422);
    expect(log(2.3955693332868115)).toBe(0.8736209200600836);
    expect(exp(-4.421531102843105)).toBe(0.012015820736042132);
    expect(exp(0.4188678342303884)).toBe(1.5202394178993386);
    // glibc itself misses in rare cases; the exact value (60-digit decimal check) wins here.
    expect(log(45.75924602161853)).toBe(3.8233938701355044);
    expect(log(1)).toBe(0);
    expect(exp(0)).toBe(1);
    expect(log(100)).toBe(4.605170185988092);
    expect(exp(-745.2)).toBe(0);
    expect(log(0)).toBe(-Infinity);
  });
});
