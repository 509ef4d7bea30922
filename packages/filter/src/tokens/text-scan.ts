/**
 * The one pass over a document's text that the filters share, a class-table lookup per code point
 * (char-classes.ts) in place of a regex per token or per measure:
 * - the pieces the filters' word tokens are made of (word-tokens.ts defines the tokens): maximal runs of
 *   letters and marks and maximal runs of digits, outside the scripts written without spaces, and each letter
 *   or digit of those scripts on its own. Tokens with digits join touching runs; tokens without them leave the
 *   digit pieces out; so one scan serves both;
 * - the character counts of filter.heuristics (text-measures.ts has their definitions) and of
 *   filter.repetition's spaceless-script test (mostly-spaceless.ts).
 * Filters run one after another on each document, and most read its characters: the scan of the last text is
 * kept (textScan), and each filter reading that text reuses it.
 */
import { charClass, LETTER, NUMBER, SPACE, SPACELESS, WORD } from './char-classes.js';
import { scratchSize } from './scratch-size.js';
import { FNV_OFFSET, foldUnit } from './token-hash.js';
import { DIGITS, LOWERING, LOWERING_BITS, SPACELESS_TOKEN, TokenRanges } from './token-ranges.js';

/** Line-start bullets: Gopher counts "•" lines; the other list markers web pages use are counted too. */
const BULLETS = new Set(Array.from('•‣◦▪▫●○■□►▶➢✓✔*-', (char) => char.charCodeAt(0)));
const NEWLINE = 0x0a;
const HASH = 0x23;
const DOT = 0x2e;
const ELLIPSIS = 0x2026;
/** U+0130 lower-cases to two code points ("i" + combining dot): word lengths are of lower-cased words. */
const DOTTED_CAPITAL_I = 0x130;

/** What one pass over a text finds. Counts are of code points, a lone low surrogate counting as nothing. */
export class TextScan {
  readonly pieces = new TokenRanges();
  chars = 0;
  /** Word tokens with digits, a character each in scripts without spaces (the tokens of tokenIds). */
  words = 0;
  /** Of them, the words of spaced scripts, and their characters once lower-cased. */
  spacedWords = 0;
  spacedWordChars = 0;
  /** "#" characters; "…" characters and runs of three dots. */
  hashes = 0;
  ellipses = 0;
  /** White-space separated pieces (`split(/\s+/u)`), and those with a letter or mark (`[\p{L}\p{M}]`). */
  spaceSeparated = 0;
  alphaSeparated = 0;
  /** Characters outside `\s`, and letters and marks (`[\p{L}\p{M}]`). */
  nonSpace = 0;
  letters = 0;
  /** Letters, marks and joiners (WORD), and those of scripts written without spaces. */
  wordChars = 0;
  spacelessWordChars = 0;
  /** Non-blank lines of `split('\n')`: how many, those starting with a bullet, those ending in an ellipsis. */
  lines = 0;
  bulletLines = 0;
  ellipsisLines = 0;
  /** Each non-blank line's length once trimmed, in code points (lines 0 … lines − 1). */
  lineLengths = new Int32Array(64);
}

/**
 * Fills `scan` with what `text` holds (see TextScan). Letters and digits, most of a text, are read a word at
 * a time in a tight loop that only classifies, hashes and counts them; what a word adds to the white-space
 * pieces and the line is added once per word. Line lengths are taken from unit offsets (minus the units that
 * are no code point of their own: the second of a surrogate pair, a lone low surrogate).
 */
export function scanText(text: string, scan: TextScan): void {
  const length = text.length;
  const out = scan.pieces;
  // A text of n units has at most n pieces and n + 1 lines.
  out.clear(length);
  const size = scratchSize(scan.lineLengths.length, length + 1);
  if (size !== scan.lineLengths.length) scan.lineLengths = new Int32Array(size);
  // Locals rather than fields: the loop reads them for every character.
  const { starts, ends, flags, hashes: pieceHashes } = out;
  const lineLengths = scan.lineLengths;
  let count = 0;
  /** Units that are no code point of their own, so far. */
  let skipped = 0;
  let spaces = 0;
  let words = 0;
  let spacedWords = 0;
  let spacedWordChars = 0;
  let hashes = 0;
  let ellipses = 0;
  /** The run of dots that ends at dotEnd. */
  let dotRun = 0;
  let dotEnd = -1;
  let spaceSeparated = 0;
  let alphaSeparated = 0;
  let inSeparated = false;
  let separatedHasLetter = false;
  let letters = 0;
  let wordChars = 0;
  let spacelessWordChars = 0;
  let lines = 0;
  let bulletLines = 0;
  let ellipsisLines = 0;
  // The line so far: its first non-space character, where it starts (and `skipped` there), where its last
  // non-space character ends, and where the last character that ends an ellipsis ends.
  let first = -1;
  let firstAt = 0;
  let skippedAtFirst = 0;
  let lastEnd = 0;
  let ellipsisEnd = -1;

  let i = 0;
  let codePoint = 0;
  let width = 1;
  let found = 0;
  /** Whether the character at i is read already (codePoint, width, found): a word's loop stops on one. */
  let read = false;
  while (i < length) {
    if (!read) {
      codePoint = text.charCodeAt(i);
      width = 1;
      // A surrogate: the pair's code point (a lone one is its own, as codePointAt gives).
      if ((codePoint & 0xf800) === 0xd800) {
        codePoint = text.codePointAt(i) as number;
        if (codePoint > 0xffff) width = 2;
      }
      found = charClass(codePoint);
    }
    read = false;
    // WORD and NUMBER are disjoint: letters and marks, or digits.
    const kind = found & (WORD | NUMBER);

    if (kind !== 0 && (found & SPACELESS) === 0) {
      // A word of a spaced script: letter runs and digit runs side by side, each a piece.
      const wordStart = i;
      const skippedBefore = skipped;
      let wordLetters = 0;
      let wordKind = kind;
      while (true) {
        const digits = wordKind === NUMBER ? DIGITS : 0;
        const pieceStart = i;
        let pieceFlags = digits;
        let hash = FNV_OFFSET;
        // The piece's characters: each is a letter or mark (or joiner), or a digit, of kind wordKind.
        while (true) {
          wordLetters += (found & LETTER) >> 3;
          wordChars += found & WORD;
          if (codePoint === DOTTED_CAPITAL_I) spacedWordChars++;
          const needs = LOWERING[found] as number;
          if (needs > (pieceFlags & LOWERING_BITS)) pieceFlags = digits | needs;
          // An astral character's surrogates lower-case to themselves (token-hash foldUnit).
          if (width === 1) {
            hash = foldUnit(hash, codePoint);
          } else {
            hash = foldUnit(foldUnit(hash, text.charCodeAt(i)), text.charCodeAt(i + 1));
            skipped++;
          }
          i += width;
          if (i >= length) break;
          codePoint = text.charCodeAt(i);
          width = 1;
          if ((codePoint & 0xf800) === 0xd800) {
            codePoint = text.codePointAt(i) as number;
            if (codePoint > 0xffff) width = 2;
          }
          found = charClass(codePoint);
          read = true;
          if ((found & (WORD | NUMBER | SPACELESS)) !== wordKind) break;
        }
        starts[count] = pieceStart;
        ends[count] = i;
        flags[count] = pieceFlags;
        pieceHashes[count++] = hash;
        if (i >= length) {
          read = false;
          break;
        }
        const next = found & (WORD | NUMBER);
        // The word goes on with a run of the other kind (letters after digits, or digits after letters).
        if (next === 0 || next === wordKind || (found & SPACELESS) !== 0) break;
        wordKind = next;
      }
      words++;
      spacedWords++;
      spacedWordChars += i - wordStart - (skipped - skippedBefore);
      letters += wordLetters;
      if (!inSeparated) {
        inSeparated = true;
        separatedHasLetter = false;
        spaceSeparated++;
      }
      if (wordLetters > 0 && !separatedHasLetter) {
        alphaSeparated++;
        separatedHasLetter = true;
      }
      if (first < 0) {
        first = text.codePointAt(wordStart) as number;
        firstAt = wordStart;
        skippedAtFirst = skippedBefore;
      }
      lastEnd = i;
      continue;
    }

    if ((found & SPACE) !== 0) {
      spaces++;
      inSeparated = false;
      if (codePoint === NEWLINE) {
        // The same as at the end of the text, below.
        if (first >= 0) {
          lineLengths[lines++] = lastEnd - firstAt - (skipped - skippedAtFirst);
          if (BULLETS.has(first)) bulletLines++;
          if (ellipsisEnd === lastEnd) ellipsisLines++;
        }
        first = -1;
      }
      i++;
      continue;
    }

    // A character of a script without spaces, punctuation, a symbol, another character.
    if (first < 0) {
      first = codePoint;
      firstAt = i;
      skippedAtFirst = skipped;
    }
    // Its second unit, or itself if it is a lone low surrogate, is no code point.
    if (width === 2 || (codePoint >= 0xdc00 && codePoint <= 0xdfff)) skipped++;
    if (!inSeparated) {
      inSeparated = true;
      separatedHasLetter = false;
      spaceSeparated++;
    }
    if (kind !== 0) {
      // Spaceless: a word and a piece of its own.
      words++;
      const letter = (found & LETTER) >> 3;
      letters += letter;
      if (letter !== 0 && !separatedHasLetter) {
        alphaSeparated++;
        separatedHasLetter = true;
      }
      if (kind === WORD) {
        wordChars++;
        spacelessWordChars++;
      }
      starts[count] = i;
      ends[count] = i + width;
      flags[count] = (LOWERING[found] as number) | SPACELESS_TOKEN | (kind === NUMBER ? DIGITS : 0);
      pieceHashes[count++] = width === 1 ? foldUnit(FNV_OFFSET, codePoint) : foldUnit(foldUnit(FNV_OFFSET, text.charCodeAt(i)), text.charCodeAt(i + 1));
    } else if (codePoint === DOT) {
      dotRun = dotEnd === i ? dotRun + 1 : 1;
      dotEnd = i + 1;
      if (dotRun % 3 === 0) ellipses++;
      if (dotRun >= 3) ellipsisEnd = i + 1;
    } else if (codePoint === HASH) {
      hashes++;
    } else if (codePoint === ELLIPSIS) {
      ellipses++;
      ellipsisEnd = i + 1;
    }
    i += width;
    lastEnd = i;
  }
  if (first >= 0) {
    lineLengths[lines++] = lastEnd - firstAt - (skipped - skippedAtFirst);
    if (BULLETS.has(first)) bulletLines++;
    if (ellipsisEnd === lastEnd) ellipsisLines++;
  }

  out.count = count;
  const chars = length - skipped;
  scan.chars = chars;
  scan.words = words;
  scan.spacedWords = spacedWords;
  scan.spacedWordChars = spacedWordChars;
  scan.hashes = hashes;
  scan.ellipses = ellipses;
  scan.spaceSeparated = spaceSeparated;
  scan.alphaSeparated = alphaSeparated;
  scan.nonSpace = chars - spaces;
  scan.letters = letters;
  scan.wordChars = wordChars;
  scan.spacelessWordChars = spacelessWordChars;
  scan.lines = lines;
  scan.bulletLines = bulletLines;
  scan.ellipsisLines = ellipsisLines;
}

const last = new TextScan();
let lastText: string | undefined;

/** The scan of `text`, made once for the filters of a chain: read it before another text is scanned. */
export function textScan(text: string): TextScan {
  if (text !== lastText) {
    scanText(text, last);
    lastText = text;
  }
  return last;
}
