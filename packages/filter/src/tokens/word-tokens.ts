/**
 * Word tokens for the filters, across scripts. A token is a run of letters and combining marks (and digits,
 * when asked), lower-cased; punctuation, symbols and spaces separate tokens. Scripts written without spaces
 * between words (Han, kana, Thai, Lao, Khmer, Myanmar — the list crawl's shingles use) have no such runs to
 * split, so there a run becomes character bigrams (the usual unit for wordlists and frequency statistics in
 * those scripts, and independent of ICU's dictionary segmenter and its version) or single characters
 * (for repetition, where a character n-gram is the word n-gram's counterpart).
 *
 * Equivalently, as regexes: runs of `[\p{L}\p{M}\u200c\u200d]+` (`[\p{L}\p{M}\p{N}\u200c\u200d]+` with digits),
 * lower-cased; a run holding a character of those scripts is split into its spaced pieces and those
 * characters. token-scan.ts finds them in one pass with a table lookup per character.
 */
import { LOWER_AS_IS, scanTokens, type TokenSink } from './token-scan.js';

/** How a run of a script without spaces is cut: overlapping character pairs, or one character each. */
export type SpacelessUnit = 'bigrams' | 'chars';

export interface TokenOptions {
  /** Keep digit runs as tokens (repetition, length heuristics); wordlists and Tf-IIf leave numbers out. */
  readonly digits?: boolean;
  readonly spaceless?: SpacelessUnit;
}

/** A token and where it sits in the text (UTF-16 offsets), for measures that count characters. */
export interface TokenSpan {
  readonly token: string;
  readonly start: number;
  readonly end: number;
  /** From a script written without spaces (a bigram or a character, not a word). */
  readonly spaceless: boolean;
}

type Emit = (start: number, end: number, lowering: number, spaceless: boolean) => void;

/** Passes the scan's tokens on, spaceless characters as they are or paired into bigrams. */
class SpacelessUnits implements TokenSink {
  // Bigrams: a character that ends up alone in its spaceless sequence is its own token, emitted once the
  // sequence is known to end there (at the next token, or the end of the text).
  private previousStart = -1;
  private previousEnd = -1;
  private previousLowering = LOWER_AS_IS;
  private alone = false;

  constructor(
    private readonly bigrams: boolean,
    private readonly emit: Emit,
  ) {}

  spaced(start: number, end: number, lowering: number): void {
    this.flush();
    this.previousEnd = -1;
    this.emit(start, end, lowering, false);
  }

  spaceless(start: number, end: number, lowering: number): void {
    if (!this.bigrams) {
      this.emit(start, end, lowering, true);
    } else if (this.previousEnd === start) {
      this.alone = false;
      this.emit(this.previousStart, end, Math.max(this.previousLowering, lowering), true);
    } else {
      this.flush();
      this.alone = true;
    }
    this.previousStart = start;
    this.previousEnd = end;
    this.previousLowering = lowering;
  }

  flush(): void {
    if (this.alone) this.emit(this.previousStart, this.previousEnd, this.previousLowering, true);
    this.alone = false;
  }
}

/** A token's lower case; `toLowerCase()` (a runtime call for text outside Latin-1) only when it changes something. */
const lowered = (text: string, start: number, end: number, lowering: number): string =>
  lowering === LOWER_AS_IS ? text.slice(start, end) : text.slice(start, end).toLowerCase();

/** Calls `emit` with each token's range, in text order. */
function eachToken(text: string, options: TokenOptions, emit: Emit): void {
  const units = new SpacelessUnits((options.spaceless ?? 'bigrams') === 'bigrams', emit);
  scanTokens(text, options.digits === true, units);
  units.flush();
}

/** Tokens of `text` with their spans, in text order. */
export function tokenSpans(text: string, options: TokenOptions = {}): TokenSpan[] {
  const out: TokenSpan[] = [];
  eachToken(text, options, (start, end, lowering, spaceless) => out.push({ token: lowered(text, start, end, lowering), start, end, spaceless }));
  return out;
}

/** Just the tokens (see tokenSpans). */
export function wordTokens(text: string, options: TokenOptions = {}): string[] {
  const out: string[] = [];
  eachToken(text, options, (start, end, lowering) => out.push(lowered(text, start, end, lowering)));
  return out;
}
