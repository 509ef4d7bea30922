import { readFileSync } from 'node:fs';
import { corpusBleu, corpusChrf, corpusTer, formatScore, sentenceBleu, sentenceChrf, sentenceTer, tokenize13a, type BleuScore, type Score } from '../src/index.js';

interface CorpusCase {
  name: string;
  hyps: string[];
  refs: string[][];
  score: number;
  signature: string;
  str: string;
  counts?: number[];
  totals?: number[];
  precisions?: number[];
  bp?: number;
  sys_len?: number;
  ref_len?: number;
}
interface SentenceCase {
  hyp: string;
  refs: string[];
  bleu_eff: number;
  chrf2: number;
  chrf2pp: number;
  ter: number;
}
interface Vectors {
  sacrebleu_version: string;
  corpus: CorpusCase[];
  sentence: SentenceCase[];
  tokenize_13a: { in: string; out: string }[];
}

const vectors = JSON.parse(readFileSync(new URL('./fixtures/sacrebleu/vectors.json', import.meta.url), 'utf8')) as Vectors;

/** The sacrebleu settings behind each named vector (their signatures say the same). */
const SETTINGS: Record<string, (hyps: string[], refs: string[][]) => Score> = {
  bleu_default_2refs: (h, r) => corpusBleu(h, r),
  bleu_default_ref1: (h, r) => corpusBleu(h, r),
  bleu_intl: (h, r) => corpusBleu(h, r, { tokenize: 'intl' }),
  bleu_char: (h, r) => corpusBleu(h, r, { tokenize: 'char' }),
  bleu_none: (h, r) => corpusBleu(h, r, { tokenize: 'none' }),
  bleu_lc: (h, r) => corpusBleu(h, r, { lowercase: true }),
  bleu_floor: (h, r) => corpusBleu(h, r, { smoothMethod: 'floor' }),
  bleu_addk: (h, r) => corpusBleu(h, r, { smoothMethod: 'add-k' }),
  bleu_nonlatin_13a: (h, r) => corpusBleu(h, r),
  bleu_nonlatin_char: (h, r) => corpusBleu(h, r, { tokenize: 'char' }),
  chrf2_default_2refs: (h, r) => corpusChrf(h, r),
  chrf2_default_ref1: (h, r) => corpusChrf(h, r),
  chrf2pp_2refs: (h, r) => corpusChrf(h, r, { wordOrder: 2 }),
  chrf2pp_ref1: (h, r) => corpusChrf(h, r, { wordOrder: 2 }),
  chrf2_eps: (h, r) => corpusChrf(h, r, { epsSmoothing: true }),
  chrf2_ws: (h, r) => corpusChrf(h, r, { whitespace: true }),
  chrf2_nonlatin: (h, r) => corpusChrf(h, r),
  chrf2pp_nonlatin: (h, r) => corpusChrf(h, r, { wordOrder: 2 }),
  ter_default_2refs: (h, r) => corpusTer(h, r),
  ter_default_ref1: (h, r) => corpusTer(h, r),
  ter_case: (h, r) => corpusTer(h, r, { caseSensitive: true }),
  ter_norm: (h, r) => corpusTer(h, r, { normalized: true }),
};

describe('sacrebleu 2.6.0 conformance vectors', () => {
  it('covers every corpus vector', () => {
    expect(vectors.sacrebleu_version).toBe('2.6.0');
    expect(vectors.corpus.map((c) => c.name).filter((n) => !SETTINGS[n])).toEqual([]);
    expect(vectors.corpus).toHaveLength(22);
  });

  it.each(vectors.corpus.map((c) => [c.name, c] as const))('%s: score, signature and printed text', (name, c) => {
    const score = (SETTINGS[name] as (h: string[], r: string[][]) => Score)(c.hyps, c.refs);
    expect(Math.abs(score.score - c.score)).toBeLessThan(1e-6);
    expect(score.signature.format()).toBe(c.signature);
    expect(formatScore(score)).toBe(c.str);
    if (c.counts) {
      const bleu = score as BleuScore;
      expect(bleu.counts).toEqual(c.counts);
      expect(bleu.totals).toEqual(c.totals);
      expect(bleu.sysLen).toBe(c.sys_len);
      expect(bleu.refLen).toBe(c.ref_len);
      expect(Math.abs(bleu.bp - (c.bp as number))).toBeLessThan(1e-12);
      bleu.precisions.forEach((p, k) => expect(Math.abs(p - (c.precisions as number[])[k]!)).toBeLessThan(1e-9));
    }
  });

  it.each(vectors.sentence.map((c) => [JSON.stringify(c.hyp), c] as const))('sentence %s', (_, c) => {
    expect(Math.abs(sentenceBleu(c.hyp, c.refs).score - c.bleu_eff)).toBeLessThan(1e-6);
    expect(Math.abs(sentenceChrf(c.hyp, c.refs).score - c.chrf2)).toBeLessThan(1e-6);
    expect(Math.abs(sentenceChrf(c.hyp, c.refs, { wordOrder: 2 }).score - c.chrf2pp)).toBeLessThan(1e-6);
    expect(Math.abs(sentenceTer(c.hyp, c.refs).score - c.ter)).toBeLessThan(1e-6);
  });

  it.each(vectors.tokenize_13a.map((t) => [t.in, t.out] as const))('13a tokenizes %j', (input, output) => {
    expect(tokenize13a(input)).toBe(output);
  });

  it('signs sentence BLEU with effective order, as sacrebleu.sentence_bleu does', () => {
    const c = vectors.sentence[0] as SentenceCase;
    expect(sentenceBleu(c.hyp, c.refs).signature.format()).toBe('nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0');
  });
});
