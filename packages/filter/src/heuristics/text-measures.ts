/**
 * Length and character-class measures of a text, as the Gopher quality rules (Rae et al. 2021, App. A.1.1,
 * as datatrove's GopherQualityFilter computes them) and FineWeb's short-line rule use them, made to work
 * across scripts: words are letter/digit runs, and each character of a script without spaces counts as a
 * word (so "50 words" is 50 characters of Chinese or Thai); mean word length is taken over spaced-script
 * words only and is absent when there are none. Lengths are in code points.
 *
 * Every measure but the URL share comes from one pass over the code points with a class-table lookup each
 * (tokens/char-classes.ts): the definitions are the regex ones — words as tokens/word-tokens.ts cuts them
 * (digits kept, spaceless scripts by character), whitespace pieces as `split(/\s+/u)`, lines as
 * `split('\n')` then `trim()` — and test/speed-equivalence.test.ts checks the pass against them.
 */
import { charClass, LETTER, NUMBER, SPACE, SPACELESS, WORD } from '../tokens/char-classes.js';

/** Line-start bullets: Gopher counts "•" lines; the other list markers web pages use are counted too. */
const BULLETS = new Set(Array.from('•‣◦▪▫●○■□►▶➢✓✔*-', (char) => char.charCodeAt(0)));
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;
const WWW = /www\./i;
const HASH = 0x23;
const DOT = 0x2e;
const ELLIPSIS = 0x2026;
/** U+0130 lower-cases to two code points ("i" + combining dot): word lengths are of lower-cased words. */
const DOTTED_CAPITAL_I = 0x130;

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
  let chars = 0;
  let words = 0;
  let spacedWords = 0;
  let spacedWordChars = 0;
  let inSpacedWord = false;
  let hashes = 0;
  let ellipses = 0;
  let dotRun = 0;
  let pieces = 0;
  let alphaPieces = 0;
  let inPiece = false;
  let pieceHasLetter = false;
  let nonSpace = 0;
  let letters = 0;
  let lines = 0;
  let bulletLines = 0;
  let ellipsisLines = 0;
  let shortLines = 0;

  for (let lineStart = 0; lineStart <= trimmed.length; ) {
    const newline = trimmed.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? trimmed.length : newline;
    // The line trimmed: its first character, code points from there to its last non-space character, and
    // whether that character ends an ellipsis.
    let first = -1;
    let lineChars = 0;
    let trimmedChars = 0;
    let endsInEllipsis = false;
    for (let i = lineStart; i < lineEnd; ) {
      const codePoint = trimmed.codePointAt(i) as number;
      i += codePoint > 0xffff ? 2 : 1;
      const counted = isLowSurrogate(codePoint) ? 0 : 1;
      chars += counted;
      if (codePoint === DOT) {
        dotRun++;
        if (dotRun % 3 === 0) ellipses++;
      } else {
        dotRun = 0;
        if (codePoint === HASH) hashes++;
        else if (codePoint === ELLIPSIS) ellipses++;
      }
      const found = charClass(codePoint);

      if ((found & (WORD | NUMBER)) === 0) {
        inSpacedWord = false;
      } else if ((found & SPACELESS) !== 0) {
        words++;
        inSpacedWord = false;
      } else {
        if (!inSpacedWord) {
          words++;
          spacedWords++;
          inSpacedWord = true;
        }
        spacedWordChars += codePoint === DOTTED_CAPITAL_I ? 2 : 1;
      }

      if ((found & SPACE) !== 0) {
        inPiece = false;
        if (first >= 0) lineChars += counted;
        continue;
      }
      nonSpace += counted;
      if (!inPiece) {
        inPiece = true;
        pieceHasLetter = false;
        pieces++;
      }
      if ((found & LETTER) !== 0) {
        letters++;
        if (!pieceHasLetter) alphaPieces++;
        pieceHasLetter = true;
      }
      if (first < 0) first = codePoint;
      lineChars += counted;
      trimmedChars = lineChars;
      endsInEllipsis = codePoint === ELLIPSIS || (codePoint === DOT && dotRun >= 3);
    }
    if (first >= 0) {
      lines++;
      if (BULLETS.has(first)) bulletLines++;
      if (endsInEllipsis) ellipsisLines++;
      if (trimmedChars <= options.shortLineChars) shortLines++;
    }
    if (newline < 0) break;
    // The line break itself: white space, ending any word, piece or run of dots.
    chars++;
    inSpacedWord = false;
    inPiece = false;
    dotRun = 0;
    lineStart = newline + 1;
  }

  const measures: Record<string, number> = { chars, words };
  // Word length and short lines are rules for space-separated text: left out where most words are characters of
  // scripts without spaces (a Chinese line of 30 characters is a long line; stray Latin there is not the text).
  const spaced = spacedWordChars >= words - spacedWords;
  if (spacedWords > 0 && spaced) measures['meanWordLength'] = spacedWordChars / spacedWords;
  if (words > 0) {
    measures['hashRatio'] = hashes / words;
    measures['ellipsisRatio'] = ellipses / words;
  }
  if (pieces > 0) measures['alphaWords'] = alphaPieces / pieces;
  if (nonSpace > 0) {
    measures['letterShare'] = letters / nonSpace;
    measures['urlShare'] = urlCodePoints(trimmed) / nonSpace;
  }
  if (lines > 0) {
    measures['bulletLines'] = bulletLines / lines;
    measures['ellipsisLines'] = ellipsisLines / lines;
    if (spaced) measures['shortLines'] = shortLines / lines;
  }
  return measures;
}
