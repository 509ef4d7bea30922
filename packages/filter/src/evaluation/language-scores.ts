/**
 * Per-language precision and recall of a corpus, and their medians over languages (Caswell et al. 2020 report
 * the median over languages of per-language precision: 5.5% before their filters, 71.2% after).
 *
 * - Precision of the corpus folder L: the share of the kept sentences (segments, as the corpus writer keeps
 *   them) whose true language is L, counting every occurrence, since a corpus user gets every occurrence. The
 *   same share by characters (code points) is reported beside it.
 * - Recall of L: of the distinct main-text sentence texts in L anywhere in the crawl, the share that a kept
 *   document of corpus L still contains. Distinct texts, because the held-out pools are small and a sentence
 *   repeats across pages (docs/synth-crawl.md "Counting"): a crawl holding one sentence on five pages is
 *   recalled when one copy is kept, as near-duplicate removal intends.
 */
import type { LanguageMatch } from './language-match.js';
import type { TruthIndex } from './truth-index.js';

/** Languages with fewer distinct truth sentences than this stay in the table but out of the medians. */
export const DEFAULT_MIN_SENTENCES = 10;

/** What one configuration kept in one corpus folder. */
export class LanguageTally {
  keptSentences = 0;
  inLanguageSentences = 0;
  keptChars = 0;
  inLanguageChars = 0;
  /** Distinct truth texts in the folder's language that a kept document contains. */
  readonly recalled = new Set<string>();
}

export interface LanguageResult {
  /** The corpus folder, or a true language no corpus folder matches (then nothing of it was kept). */
  readonly tag: string;
  readonly inCorpus: boolean;
  readonly keptSentences: number;
  readonly inLanguageSentences: number;
  /** Null when nothing was kept. */
  readonly precision: number | null;
  readonly keptChars: number;
  readonly inLanguageChars: number;
  readonly charPrecision: number | null;
  /** Distinct main-text sentences of the language in the crawl. */
  readonly truthSentences: number;
  readonly recalledSentences: number;
  /** Null when the crawl holds no text of the language. */
  readonly recall: number | null;
  /** Whether the language has at least minSentences truth sentences and so counts in the medians. */
  readonly inMedian: boolean;
}

export interface LanguageSummary {
  readonly perLanguage: LanguageResult[];
  /** Over languages in the median that kept something (precision is undefined for an empty corpus). */
  readonly medianPrecision: number | null;
  readonly medianCharPrecision: number | null;
  /** Over languages in the median. */
  readonly medianRecall: number | null;
  readonly languagesInMedian: number;
  /** Of those, the languages that kept something: the population of the precision medians. */
  readonly languagesKept: number;
  readonly keptSentences: number;
}

/** The middle value, or the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The distinct truth texts that belong in corpus folder `tag`. */
function truthTextsFor(tag: string, truth: TruthIndex, match: LanguageMatch): Set<string> {
  const texts = new Set<string>();
  for (const [lang, set] of truth.texts) if (match(lang, tag)) for (const text of set) texts.add(text);
  return texts;
}

export function summarizeLanguages(tallies: ReadonlyMap<string, LanguageTally>, truth: TruthIndex, match: LanguageMatch, minSentences: number): LanguageSummary {
  const rows: LanguageResult[] = [];
  const row = (tag: string, tally: LanguageTally, inCorpus: boolean): LanguageResult => {
    const truthSentences = truthTextsFor(tag, truth, match).size;
    return {
      tag,
      inCorpus,
      keptSentences: tally.keptSentences,
      inLanguageSentences: tally.inLanguageSentences,
      precision: share(tally.inLanguageSentences, tally.keptSentences),
      keptChars: tally.keptChars,
      inLanguageChars: tally.inLanguageChars,
      charPrecision: share(tally.inLanguageChars, tally.keptChars),
      truthSentences,
      recalledSentences: tally.recalled.size,
      recall: share(tally.recalled.size, truthSentences),
      inMedian: truthSentences >= minSentences,
    };
  };
  const folders = [...tallies.keys()].sort();
  for (const tag of folders) rows.push(row(tag, tallies.get(tag) as LanguageTally, true));
  // A true language that no corpus folder holds was lost entirely: recall 0, in the median like any other. One
  // row per language: truth tags that name the same one (FLORES's ajp_Arab and apc_Arab) share it.
  const lost: string[] = [];
  for (const lang of [...truth.texts.keys()].sort()) {
    if (folders.some((tag) => match(lang, tag)) || lost.some((tag) => match(lang, tag))) continue;
    lost.push(lang);
    rows.push(row(lang, new LanguageTally(), false));
  }
  const counted = rows.filter((r) => r.inMedian);
  const defined = (values: Array<number | null>): number[] => values.filter((v): v is number => v !== null);
  return {
    perLanguage: rows,
    medianPrecision: median(defined(counted.map((r) => r.precision))),
    medianCharPrecision: median(defined(counted.map((r) => r.charPrecision))),
    medianRecall: median(defined(counted.map((r) => r.recall))),
    languagesInMedian: counted.length,
    languagesKept: counted.filter((r) => r.precision !== null).length,
    keptSentences: rows.reduce((sum, r) => sum + r.keptSentences, 0),
  };
}
