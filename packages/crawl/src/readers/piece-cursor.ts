import type { Damage } from './damage.js';
import { isDamage, type Piece, type PieceEvent } from './pieces.js';

const EMPTY = Buffer.alloc(0);

/** Where a byte sits in the file: plain input has `inner` 0; gzip input names the member and the position inside it. */
export interface Position {
  offset: number;
  inner: number;
  compressed: boolean;
}

/** A piece's place in the window. */
interface Segment {
  /** Index in the window where the piece's bytes start. */
  start: number;
  piece: Piece;
}

/**
 * A look-ahead window over pieces for the record parsers: they inspect bytes in place, decide,
 * then consume. Bytes are copied only when a record straddles pieces, and pieces are joined
 * once per request, so a record costs one copy at most. Damage from the source interrupts the
 * window (`interrupted`): the bytes on either side are not contiguous and must not be joined.
 */
export class PieceCursor {
  private window: Buffer = EMPTY;
  private pos = 0;
  private segments: Segment[] = [];
  private ended = false;
  /** Damage that stops the window until the parser calls `resume()`. */
  interrupted: Damage | null = null;
  /** Damage from the source, in order, for the parser to pass on. */
  readonly damages: Damage[] = [];
  /** File offset just past the gzip member of the last consumed byte, when that byte ended its member. */
  lastMemberEnd: number | undefined;

  constructor(private readonly source: AsyncIterator<PieceEvent>) {}

  /** Unconsumed bytes in the window. */
  get available(): number {
    return this.window.length - this.pos;
  }

  /** The unconsumed bytes (valid until the next `ensure`). */
  view(): Buffer {
    return this.window.subarray(this.pos);
  }

  /** True when no more bytes can come: the source ended, or damage interrupts the window. */
  get exhausted(): boolean {
    return this.ended || this.interrupted !== null;
  }

  /** Makes at least `n` unconsumed bytes resident; false if the source ends or is interrupted first. */
  async ensure(n: number): Promise<boolean> {
    if (this.available >= n) return true;
    const pieces: Piece[] = [];
    let have = this.available;
    while (have < n && !this.exhausted) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
      } else if (isDamage(next.value)) {
        this.damages.push(next.value);
        this.interrupted = next.value;
      } else {
        pieces.push(next.value);
        have += next.value.data.length;
      }
    }
    if (pieces.length > 0) this.append(pieces, have);
    return have >= n;
  }

  /** Pulls at least one more piece; false if none comes. */
  async more(): Promise<boolean> {
    return this.ensure(this.available + 1);
  }

  private append(pieces: Piece[], total: number): void {
    const kept = this.available;
    const shift = this.pos;
    const segments: Segment[] = [];
    for (const { start, piece } of this.segments) {
      if (start + piece.data.length <= shift) continue;
      segments.push({ start: Math.max(0, start - shift), piece: shiftPiece(piece, Math.max(0, shift - start)) });
    }
    this.window = kept === 0 && pieces.length === 1 ? pieces[0]!.data : Buffer.concat([this.view(), ...pieces.map((p) => p.data)], total);
    let start = kept;
    for (const piece of pieces) {
      segments.push({ start, piece });
      start += piece.data.length;
    }
    this.segments = segments;
    this.pos = 0;
  }

  /** Position in the file of the unconsumed byte at index `i` of `view()` (or of the next byte to come). */
  positionAt(i: number): Position {
    const at = this.pos + i;
    const segment = this.segmentAt(at);
    if (!segment) return { offset: 0, inner: 0, compressed: false };
    const delta = at - segment.start;
    const { piece } = segment;
    return piece.compressed
      ? { offset: piece.offset, inner: piece.inner + delta, compressed: true }
      : { offset: piece.offset + delta, inner: 0, compressed: false };
  }

  private segmentAt(at: number): Segment | undefined {
    let found: Segment | undefined;
    for (const segment of this.segments) {
      if (segment.start > at) break;
      found = segment;
    }
    return found;
  }

  consume(n: number): void {
    if (n <= 0) return;
    this.pos += n;
    const last = this.segmentAt(this.pos - 1);
    this.lastMemberEnd = last && last.start + last.piece.data.length === this.pos ? last.piece.memberEnd : undefined;
  }

  /** Consumes `n` bytes without keeping them resident (for skipped oversized records); returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let skipped = 0;
    while (skipped < n) {
      if (this.available === 0 && !(await this.more())) break;
      const step = Math.min(this.available, n - skipped);
      this.consume(step);
      skipped += step;
      if (this.available === 0) this.dropConsumed();
    }
    return skipped;
  }

  private dropConsumed(): void {
    const last = this.segments[this.segments.length - 1];
    this.segments = last ? [{ start: 0, piece: shiftPiece(last.piece, last.piece.data.length) }] : [];
    this.window = EMPTY;
    this.pos = 0;
  }

  /** Clears an interruption after the parser has dropped what preceded it. */
  resume(): void {
    this.interrupted = null;
  }
}

/** The same piece, minus its first `n` bytes (positions advance accordingly). */
function shiftPiece(piece: Piece, n: number): Piece {
  if (n === 0) return piece;
  const data = piece.data.subarray(n);
  return piece.compressed ? { ...piece, data, inner: piece.inner + n } : { ...piece, data, offset: piece.offset + n };
}
