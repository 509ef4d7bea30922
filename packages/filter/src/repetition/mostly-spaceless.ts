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
  // Indexed, not for…of: that allocates a string per character outside Latin-1.
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    const found = charClass(codePoint);
    if ((found & WORD) === 0) continue;
    wordChars++;
    if ((found & SPACELESS) !== 0) spaceless++;
  }
  return spaceless * 2 > wordChars;
}
