/**
 * The first pass of Tf-IIf filtering (Caswell et al. 2020; Bapna et al. 2022 §2.1.2): term frequency within
 * a language's crawl against inverse "internet" frequency — how rare the token is across the whole crawl,
 * every language together. A token frequent in one language's documents and rare elsewhere scores high: the
 * language's own function words, and also the template, spam or site-name tokens that make a small
 * language's crawl look bigger than it is. Set against the language's seed wordlist, the high scorers outside
 * it are the anomalies to review and filter. Score: tf × ln(1/if), as tf-idf with the crawl for the corpus.
 *
 * Memory is bounded whatever the crawl's size: documents stream through once; token counts live in two
 * count-min sketches (per language+token and per token), candidates in a Misra–Gries table per language.
 */
import { keptText, UND, type Doc } from '@ntl/core';
import { wordTokens } from '../tokens/word-tokens.js';
import { CountMinSketch } from './count-min-sketch.js';
import { FrequentItems } from './frequent-items.js';
import { TFIIF_KIND, TFIIF_VERSION, type TfIifLanguage, type TfIifTable, type TfIifToken } from './tf-iif-table.js';

export interface TfIifOptions {
  /** Tokens listed per language. Default 100 (ours: a page of review). */
  readonly top?: number;
  /** Candidate tokens tracked per language (Misra–Gries counters). Default 2000. */
  readonly capacity?: number;
  /** Count-min sketch width and depth; the default 2^20 × 4 (32 MiB for both sketches) overcounts by ≤ 2.6e-6 of all tokens with probability ≥ 98%. */
  readonly sketchWidth?: number;
  readonly sketchDepth?: number;
  /** Tokens seen fewer times in a language are not listed. Default 5 (ours). */
  readonly minCount?: number;
  /** Reference vocabulary per language (loadWordlists): listed tokens are marked and never anomalous. */
  readonly wordlists?: ReadonlyMap<string, ReadonlySet<string>>;
}

export const DEFAULT_TFIIF_OPTIONS = { top: 100, capacity: 2000, sketchWidth: 1 << 20, sketchDepth: 4, minCount: 5 } as const;

const KEY_SEPARATOR = '\u0001';

/** Streams `docs` once (documents already dropped are skipped; dropped sentences left out) and builds the table. */
export async function computeTfIif(docs: AsyncIterable<Doc> | Iterable<Doc>, options: TfIifOptions = {}): Promise<TfIifTable> {
  const { top, capacity, sketchWidth, sketchDepth, minCount } = { ...DEFAULT_TFIIF_OPTIONS, ...options };
  for (const [name, value] of Object.entries({ top, minCount })) {
    if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const byLanguage = new CountMinSketch(sketchWidth, sketchDepth);
  const internet = new CountMinSketch(sketchWidth, sketchDepth);
  const candidates = new Map<string, FrequentItems>();
  const totals = new Map<string, { tokens: number; docs: number }>();
  let totalTokens = 0;

  for await (const doc of docs) {
    if (doc.drop) continue;
    const tokens = wordTokens(keptText(doc).text);
    totalTokens += tokens.length;
    const tag = doc.lang?.tag ?? UND;
    if (tag === UND) {
      for (const token of tokens) internet.add(token);
      continue;
    }
    let frequent = candidates.get(tag);
    if (!frequent) candidates.set(tag, (frequent = new FrequentItems(capacity)));
    const total = totals.get(tag) ?? { tokens: 0, docs: 0 };
    totals.set(tag, { tokens: total.tokens + tokens.length, docs: total.docs + 1 });
    for (const token of tokens) {
      internet.add(token);
      byLanguage.add(tag + KEY_SEPARATOR + token);
      frequent.add(token);
    }
  }

  const languages: Record<string, TfIifLanguage> = {};
  for (const tag of [...totals.keys()].sort()) {
    const total = totals.get(tag) as { tokens: number; docs: number };
    const wordlist = options.wordlists?.get(tag);
    const scored: TfIifToken[] = [];
    for (const token of (candidates.get(tag) as FrequentItems).items()) {
      const count = byLanguage.estimate(tag + KEY_SEPARATOR + token);
      if (count < minCount) continue;
      const tf = count / total.tokens;
      const iif = Math.log(totalTokens / Math.max(count, internet.estimate(token)));
      scored.push({ token, count, tf, iif, score: tf * iif, ...(wordlist ? { inWordlist: wordlist.has(token) } : {}) });
    }
    scored.sort((a, b) => b.score - a.score || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
    const listed = scored.slice(0, top);
    languages[tag] = {
      tokens: total.tokens,
      docs: total.docs,
      top: listed,
      anomalous: wordlist ? listed.filter((entry) => !entry.inWordlist).map((entry) => entry.token) : [],
      reference: wordlist ? 'wordlist' : 'none',
    };
  }
  return { kind: TFIIF_KIND, version: TFIIF_VERSION, totalTokens, options: { top, capacity, sketchWidth, sketchDepth, minCount }, languages };
}
