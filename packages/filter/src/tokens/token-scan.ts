/**
 * The one pass that finds the filters' word tokens (word-tokens.ts defines them): runs of letters and marks
 * (and digits, when asked), where each character of a script without spaces stands apart and the characters
 * around it form the spaced pieces. A class-table lookup per code point (char-classes.ts) replaces the regex
 * match per run and the script test per character of the regex definition.
 */
import { charClass, NUMBER, SELF_LOWER, SIMPLE_LOWER, SPACELESS, WORD } from './char-classes.js';

/**
 * How a token's lower case is had, from cheapest: it is its own lower case; its units lower-case one by one
 * (char-classes lowerUnit); only `toLowerCase()` gets it right. A token's is its characters' largest.
 */
export const LOWER_AS_IS = 0;
const LOWER_BY_UNIT = 1;
export const LOWER_BY_STRING = 2;

const lowering = (found: number): number => ((found & SELF_LOWER) !== 0 ? LOWER_AS_IS : (found & SIMPLE_LOWER) !== 0 ? LOWER_BY_UNIT : LOWER_BY_STRING);

/** Receives the tokens in text order, as UTF-16 ranges of the text, with how to lower-case them. */
export interface TokenSink {
  /** A spaced piece: a maximal run of letters/marks (digits) with no spaceless-script character. */
  spaced(start: number, end: number, lowering: number): void;
  /** One character of a script written without spaces, inside a run. */
  spaceless(start: number, end: number, lowering: number): void;
}

export function scanTokens(text: string, digits: boolean, sink: TokenSink): void {
  const inRun = digits ? WORD | NUMBER : WORD;
  let spacedStart = -1;
  let spacedLowering = LOWER_AS_IS;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    const found = charClass(codePoint);
    if ((found & inRun) !== 0 && (found & SPACELESS) === 0) {
      if (spacedStart < 0) {
        spacedStart = i;
        spacedLowering = LOWER_AS_IS;
      }
      spacedLowering = Math.max(spacedLowering, lowering(found));
    } else {
      if (spacedStart >= 0) sink.spaced(spacedStart, i, spacedLowering);
      spacedStart = -1;
      if ((found & inRun) !== 0) sink.spaceless(i, i + width, lowering(found));
    }
    i += width;
  }
  if (spacedStart >= 0) sink.spaced(spacedStart, text.length, spacedLowering);
}
