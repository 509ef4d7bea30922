import type { Damage } from './damage.js';
import type { PieceCursor, Position } from './piece-cursor.js';

export interface Line {
  /** The line without its LF (and CR). */
  bytes: Buffer;
  /** 1-based line number. */
  number: number;
  at: Position;
}

export type LineEvent = { line: Line; damage?: undefined } | { damage: Damage; line?: undefined };

const LF = 0x0a;

/** A line of only spaces, tabs and CRs. */
export function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

/**
 * Lines of a piece stream. Damage in the gzip layer ends the current line there (its bytes
 * are dropped) and line numbers continue, so later damage still points near the right place.
 */
export async function* readLines(cursor: PieceCursor): AsyncGenerator<LineEvent> {
  let number = 0;
  let searched = 0;
  for (;;) {
    while (cursor.damages.length > 0) yield { damage: cursor.damages.shift()! };
    const view = cursor.view();
    const lf = view.indexOf(LF, searched);
    if (lf >= 0 || (cursor.exhausted && view.length > 0)) {
      const end = lf >= 0 ? lf : view.length;
      const interrupted = lf < 0 && cursor.interrupted !== null;
      number++;
      if (!interrupted) {
        const bytes = view.subarray(0, end > 0 && view[end - 1] === 0x0d ? end - 1 : end);
        yield { line: { bytes, number, at: cursor.positionAt(0) } };
      }
      cursor.consume(lf >= 0 ? lf + 1 : end);
      searched = 0;
      continue;
    }
    if (cursor.interrupted) {
      cursor.resume();
      continue;
    }
    searched = view.length;
    if (!(await cursor.more())) {
      if (cursor.interrupted) continue;
      return;
    }
  }
}
