/**
 * Length and character-class measures of a text, as the Gopher quality rules (Rae et al. 2021, App. A.1.1,
 * as datatrove's GopherQualityFilter computes them) and FineWeb's short-line rule use them, made to work
 * across scripts: words are letter/digit runs, and each character of a script without spaces counts as a
 * word (so "50 words" is 50 characters of Chinese or Thai); mean word length is taken over spaced-script
 * words only and is absent when there are none. Lengths are in code points.
 *
 * Every measure but the URL share comes from the pass over the code points that the filters share
 * (tokens/text-scan.ts): the definitions are the regex ones — words as tokens/word-tokens.ts cuts them
 * (digits kept, spaceless scripts by character), whitespace pieces as `split(/\s+/u)`, lines as
 * `split('\n')` then `trim()` — and test/speed-equivalence.test.ts checks the pass against them. The text is
 * scanned untrimmed (the filters after this one read that scan): white space at its ends changes only the
 * character count, by its length.
 */
import { textScan } from '../tokens/text-scan.js';

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;
const WWW = /www\./i;

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Code points, counting a lone low surrogate as nothing (how the measures have always counted them). */
const codePoints = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (!isLowSurrogate(text.charCodeAt(i))) count++;
  return count;
};

/** Code points inside URLs and e-mail addresses; the regex only runs where one could start. */
function urlCodePoints(text: string): number {
  if (!text.includes('@') && !text.includes('//') && !WWW.test(text)) return 0;
  let count = 0;
  for (const match of text.matchAll(URL_OR_EMAIL)) count += codePoints(match[0]);
  return count;
}

export interface LineOptions {
  /** Lines this short or shorter count as short (FineWeb: 30 characters). */
  readonly shortLineChars: number;
}

export function textMeasures(text: string, options: LineOptions): Record<string, number> {
  const trimmed = text.trim();
  const scan = textScan(text);
  const { words, spacedWords, spacedWordChars, lines } = scan;
  // Trimmed white space is one code point a unit.
  const measures: Record<string, number> = { chars: scan.chars - (text.length - trimmed.length), words };
  // Word length and short lines are rules for space-separated text: left out where most words are characters of
  // scripts without spaces (a Chinese line of 30 characters is a long line; stray Latin there is not the text).
  const spaced = spacedWordChars >= words - spacedWords;
  if (spacedWords > 0 && spaced) measures['meanWordLength'] = spacedWordChars / spacedWords;
  if (words > 0) {
    measures['hashRatio'] = scan.hashes / words;
    measures['ellipsisRatio'] = scan.ellipses / words;
  }
  if (scan.spaceSeparated > 0) measures['alphaWords'] = scan.alphaSeparated / scan.spaceSeparated;
  if (scan.nonSpace > 0) {
    measures['letterShare'] = scan.letters / scan.nonSpace;
    measures['urlShare'] = urlCodePoints(trimmed) / scan.nonSpace;
  }
  if (lines > 0) {
    measures['bulletLines'] = scan.bulletLines / lines;
    measures['ellipsisLines'] = scan.ellipsisLines / lines;
    if (spaced) {
      let shortLines = 0;
      for (let line = 0; line < lines; line++) if ((scan.lineLengths[line] as number) <= options.shortLineChars) shortLines++;
      measures['shortLines'] = shortLines / lines;
    }
  }
  return measures;
}
