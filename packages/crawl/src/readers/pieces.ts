import type { Damage } from './damage.js';
import type { FileWindow } from './file-window.js';

/**
 * A run of (decompressed) bytes with enough provenance to name any byte's place in the file:
 * plain input maps byte i to file offset `offset + i`; gzip input maps it to member `offset`
 * at decompressed position `inner + i`, because a reader can only seek to a member start.
 */
export interface Piece {
  data: Buffer;
  offset: number;
  inner: number;
  compressed: boolean;
  /** Set on the last piece of a gzip member: the file offset just past the member. */
  memberEnd?: number;
}

/** What a byte source yields: data, or damage that interrupts it (the bytes before and after are not contiguous). */
export type PieceEvent = Piece | Damage;

export function isDamage(event: PieceEvent): event is Damage {
  return 'kind' in event;
}

/** Uncompressed input: fixed-size reads, each a fresh buffer (pieces outlive the read). */
export async function* plainPieces(file: FileWindow, readSize: number): AsyncGenerator<PieceEvent> {
  for (let offset = 0; offset < file.size; ) {
    const data = await file.readFresh(offset, readSize);
    if (data.length === 0) return;
    yield { data, offset, inner: 0, compressed: false };
    offset += data.length;
  }
}
