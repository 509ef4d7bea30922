/**
 * Whether a text is written mostly in scripts without spaces between words (Han, kana, Thai, Lao, Khmer,
 * Myanmar). Gopher's word rules assume space-separated words: in such text ntl's "words" are single characters,
 * so a document's character n-grams repeat as a matter of course and its words are one character long. Those
 * rules are not applied there (measured on the sample crawl: clean Khmer and Myanmar UDHR pages had 34–50% of
 * their character 5-grams repeated, Thai and Lao a mean "word" length of 1).
 */
import { charClass, SPACELESS, WORD } from '../tokens/char-classes.js';

export function mostlySpaceless(text: string): boolean {
  let spaceless = 0;
  let wordChars = 0;
  for (const char of text) {
    const found = charClass(char.codePointAt(0) as number);
    if ((found & WORD) === 0) continue;
    wordChars++;
    if ((found & SPACELESS) !== 0) spaceless++;
  }
  return spaceless * 2 > wordChars;
}
