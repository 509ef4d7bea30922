/**
 * Whether a text is written mostly in scripts without spaces between words (Han, kana, Thai, Lao, Khmer,
 * Myanmar). Gopher's word rules assume space-separated words: in such text ntl's "words" are single characters,
 * so a document's character n-grams repeat as a matter of course and its words are one character long. Those
 * rules are not applied there (measured on the sample crawl: clean Khmer and Myanmar UDHR pages had 34–50% of
 * their character 5-grams repeated, Thai and Lao a mean "word" length of 1).
 *
 * Read from the letter counts of the scan the filters share (tokens/text-scan.ts): more than half of the
 * text's letters, marks and joiners are of those scripts.
 */
import type { TextScan } from '../tokens/text-scan.js';

export function mostlySpaceless(scan: TextScan): boolean {
  return scan.spacelessWordChars * 2 > scan.wordChars;
}
