/**
 * Names lost from the source and content the source does not have — pragmatic, script-level heuristics, not NER:
 * - novel content: when source and output share a cased script, capitalised output words (not sentence-initial)
 *   that match no source word; when the scripts differ, output words in the source's script that match none;
 * - lost names: capitalised source words (not sentence-initial) that match no output word, when both share a script.
 * Two words match when they agree (accents and case folded) on their first `prefixChars` letters, or are similar
 * by character bigrams, so inflected names (`Obaman`), spelling variants (`México`) and transliterations
 * (`Pitagòras`) still match; translated names (`Germany`/`Allemagne`, `Cape Town`/`Ciudad del Cabo`) do not,
 * which is what limits the precision of these flags (see docs/eval-errors.md).
 * A capitalised word that the corpus also has in lower case (`City`, `First`, Spanish `Ciudad`) is taken for a
 * common word, not a name: analyseErrors collects those vocabularies per side and target language.
 */
import type { PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';
import { scriptOf } from './target-scripts.js';
import { wordSpans, type TextSpan } from './text-spans.js';

export interface NamedEntityOptions {
  /** Letters two words must share from the start to match. */
  prefixChars: number;
  /** Or the bigram (Dice) similarity at which two words match. */
  minSimilarity: number;
  /** Shorter words are not names (pronoun `I`, initials). */
  minChars: number;
  /** Languages that capitalise every noun: capital letters there say nothing about names. */
  capitalisedNounLanguages: readonly string[];
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const NAMED_ENTITY_DEFAULTS: NamedEntityOptions = {
  prefixChars: 3,
  minSimilarity: 0.4,
  minChars: 4,
  capitalisedNounLanguages: ['deu', 'gsw', 'bar', 'ltz', 'nds', 'ksh', 'pfl', 'swg', 'pdc', 'sxu', 'vmf', 'wae', 'hrx', 'yec', 'cim'],
};

const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const HAS_LETTER = /\p{L}/u;
/** What may stand between a sentence start and its first word. */
const OPENERS = /[\s\p{Ps}\p{Pi}\p{Pd}"'¿¡*•]/u;
const SENTENCE_END = /[\p{Sentence_Terminal}:]/u;

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function sentenceInitial(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && OPENERS.test(text.charAt(i - 1))) i--;
  return i === 0 || SENTENCE_END.test(text.charAt(i - 1));
}

const LOWER_START = /^\p{Ll}/u;

/** Words seen starting in lower case, folded. */
export function lowercaseVocabulary(texts: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const text of texts) for (const w of wordSpans(text)) if (LOWER_START.test(w.text)) into.add(fold(w.text));
  return into;
}

/** Name candidates: capitalised, long enough, not sentence-initial, never seen in lower case. */
function capitalisedWords(text: string, words: readonly TextSpan[], minChars: number, common: ReadonlySet<string>): TextSpan[] {
  return words.filter(
    (w) => CAPITAL.test(w.text) && HAS_LETTER.test(w.text) && Array.from(w.text).length >= minChars && !sentenceInitial(text, w.start) && !common.has(fold(w.text)),
  );
}

/** Lower-case vocabularies of the corpus the item comes from (by default, of the item alone). */
export interface Vocabularies {
  src: ReadonlySet<string>;
  hyp: ReadonlySet<string>;
}

/** Character bigrams of a folded word with its edges marked, for a Dice similarity. */
function bigrams(word: string): string[] {
  const chars = Array.from(`^${word}$`);
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/** Dice coefficient over character bigrams: transliterations (`Pitagòras`/`Pythagoras`) score high. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(fold(a));
  const y = bigrams(fold(b));
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Whether a word matches any of `others` (folded): they share the first `prefixChars` letters (all of the word when
 * shorter), or one of them (3+ letters) starts the word (`DVD` in `DVDga`), or their bigram similarity reaches
 * `minSimilarity`.
 */
export function matchesAny(word: string, others: readonly string[], options: Pick<NamedEntityOptions, 'prefixChars' | 'minSimilarity'>): boolean {
  const folded = fold(word);
  const w = Array.from(folded);
  const k = Math.min(options.prefixChars, w.length);
  const prefix = w.slice(0, k).join('');
  return others.some(
    (o) =>
      (o.startsWith(prefix) && (k === w.length || Array.from(o).length >= k)) ||
      (Array.from(o).length >= 3 && folded.startsWith(o)) ||
      nameSimilarity(folded, o) >= options.minSimilarity,
  );
}

const folded = (words: readonly TextSpan[]): string[] => words.map((w) => fold(w.text));

export function detectNovelContent(item: PreparedItem, options: NamedEntityOptions, vocabulary?: Vocabularies): Flag[] {
  const srcScript = item.srcScripts.dominant;
  const hypScript = item.hypScripts.dominant;
  if (srcScript === 'Zyyy' || hypScript === 'Zyyy') return [];
  let candidates: TextSpan[];
  if (srcScript === hypScript) {
    if (options.capitalisedNounLanguages.includes(item.tgt.slice(0, 3))) return [];
    candidates = capitalisedWords(item.hyp, item.hypWords, options.minChars, vocabulary?.hyp ?? lowercaseVocabulary([item.hyp]));
  } else {
    candidates = item.hypWords.filter((w) => Array.from(w.text).length >= options.minChars && scriptOf(Array.from(w.text)[0] as string) === srcScript);
  }
  if (candidates.length === 0) return [];
  const known = [...folded(item.srcWords), ...(item.ref === undefined ? [] : folded(wordSpans(item.ref)))];
  return candidates
    .filter((w) => !matchesAny(w.text, known, options))
    .map((w) => ({
      mode: 'novel-content' as const,
      // Low: a suspect for a reviewer; the confidence is about the precision measured for it (docs/eval-errors.md).
      severity: 'low' as const,
      confidence: 0.45,
      span: { side: 'hyp' as const, start: w.start, end: w.end },
      message: `"${w.text}" in the output matches nothing in the source`,
      evidence: { word: w.text, sameScript: srcScript === hypScript },
    }));
}

export function detectEntityMismatch(item: PreparedItem, options: NamedEntityOptions, vocabulary?: Vocabularies): Flag[] {
  if (item.srcScripts.dominant !== item.hypScripts.dominant || item.srcScripts.dominant === 'Zyyy') return [];
  const names = capitalisedWords(item.src, item.srcWords, options.minChars, vocabulary?.src ?? lowercaseVocabulary([item.src]));
  if (names.length === 0) return [];
  const hypWords = folded(item.hypWords);
  return names
    .filter((w) => !matchesAny(w.text, hypWords, options))
    .map((w) => ({
      mode: 'entity-mismatch' as const,
      severity: 'low' as const,
      confidence: 0.3,
      span: { side: 'src' as const, start: w.start, end: w.end },
      message: `the name "${w.text}" does not appear in the output`,
      evidence: { word: w.text },
    }));
}
