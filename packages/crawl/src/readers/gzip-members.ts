import zlib from 'node:zlib';
import type { Damage, DamageKind } from './damage.js';
import type { FileWindow } from './file-window.js';
import type { Piece, PieceEvent } from './pieces.js';

/** ID1 ID2 CM(deflate): what a member start must look like (RFC 1952 §2.3). */
const MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FRESERVED = 0xe0;
const TRAILER = 8;

export function startsWithGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Length of the member header at the start of `bytes`, 'incomplete' if more bytes are needed, 'invalid' if it is no header. */
export function gzipHeaderLength(bytes: Buffer): number | 'incomplete' | 'invalid' {
  if (bytes.length < 10) return startsWithGzipMagic(bytes) || MAGIC.subarray(0, bytes.length).equals(bytes) ? 'incomplete' : 'invalid';
  const flags = bytes[3]!;
  if (!startsWithGzipMagic(bytes) || flags & FRESERVED) return 'invalid';
  let at = 10;
  if (flags & FEXTRA) {
    if (bytes.length < at + 2) return 'incomplete';
    at += 2 + bytes.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, at);
    if (end < 0) return 'incomplete';
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= bytes.length ? at : 'incomplete';
}

export interface GzipOptions {
  /** Members whose compressed size fits this many bytes are inflated in one synchronous call; larger ones stream. */
  syncMemberBytes: number;
  /** Compressed bytes fed per write when a member streams. */
  streamFeedBytes: number;
  /** Decompressed output one synchronous inflation may make before the member streams instead (zip-bomb guard). */
  maxSyncOutputBytes: number;
}

export const DEFAULT_GZIP_OPTIONS: GzipOptions = {
  syncMemberBytes: 1 << 20,
  streamFeedBytes: 1 << 18,
  maxSyncOutputBytes: 64 << 20,
};

/** The first attempt uses a small window, since most WARC members are a few KiB; see `inflateAt`. */
const FIRST_TRY_BYTES = 1 << 16;

type SyncResult =
  | { status: 'ok'; data: Buffer; length: number }
  | { status: 'too-big' }
  | { status: 'truncated'; data: Buffer }
  | { status: 'corrupt'; message: string };

interface InflateInfo {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

/**
 * Inflates the member at the start of `view` in one call. `inflateRawSync({info: true})` stops at
 * the end of the deflate stream and reports the compressed bytes it consumed, which is how the
 * member's end (and so the next member's offset) is found without a streaming inflater.
 */
function inflateSync(view: Buffer, headerLength: number, atEof: boolean, maxOutputLength: number): SyncResult {
  const deflate = view.subarray(headerLength);
  let inflated: InflateInfo;
  try {
    inflated = zlib.inflateRawSync(deflate, { info: true, maxOutputLength } as zlib.ZlibOptions) as unknown as InflateInfo;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') {
      if (!atEof) return { status: 'too-big' };
      return { status: 'truncated', data: zlib.inflateRawSync(deflate, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) };
    }
    if (code === 'ERR_BUFFER_TOO_LARGE') return { status: 'too-big' };
    return { status: 'corrupt', message: (error as Error).message };
  }
  const trailerAt = headerLength + inflated.engine.bytesWritten;
  if (view.length < trailerAt + TRAILER) return atEof ? { status: 'truncated', data: inflated.buffer } : { status: 'too-big' };
  const trailerError = checkTrailer(view, trailerAt, zlib.crc32(inflated.buffer), inflated.buffer.length);
  if (trailerError) return { status: 'corrupt', message: trailerError };
  return { status: 'ok', data: inflated.buffer, length: trailerAt + TRAILER };
}

/** RFC 1952 trailer: CRC-32 and length mod 2^32 of the inflated data; inflateRaw checks neither. */
function checkTrailer(bytes: Buffer, at: number, crc: number, size: number): string | null {
  if (bytes.readUInt32LE(at) !== crc >>> 0) return 'CRC-32 of the inflated data does not match the gzip trailer';
  if (bytes.readUInt32LE(at + 4) !== size >>> 0) return 'inflated length does not match the gzip trailer';
  return null;
}

/** Where resynchronisation stands: the first damaged byte and why, until a good member is found. */
interface Lost {
  offset: number;
  kind: DamageKind;
  message: string;
}

/**
 * Member-aware gzip reading: each member becomes pieces tagged with its file offset; a member that
 * is truncated or corrupt, and bytes that belong to no member, become one damage event each, after
 * which reading resumes at the next offset where a member inflates cleanly (warcio stops instead).
 */
export async function* gzipPieces(file: FileWindow, path: string, options: GzipOptions = DEFAULT_GZIP_OPTIONS): AsyncGenerator<PieceEvent> {
  let lost: Lost | null = null;
  const damage = (end: number): Damage => {
    const where = end >= file.size ? 'the end of the file' : `the next gzip member at ${end}`;
    const skipped = end - lost!.offset;
    return { path, offset: lost!.offset, kind: lost!.kind, message: `${lost!.message}; skipped ${skipped} bytes to ${where}` };
  };
  let pos = 0;
  while (pos < file.size) {
    const outcome: MemberOutcome = yield* inflateAt(file, pos, options, lost === null);
    if (outcome.status === 'ok') {
      if (lost) yield damage(pos);
      lost = null;
      pos = outcome.end;
      continue;
    }
    if (outcome.status === 'truncated' && lost === null) {
      yield { path, offset: pos, kind: 'gzip_truncated', message: `gzip member at ${pos} ends at the end of the file before its trailer` };
      return;
    }
    lost ??=
      outcome.status === 'invalid'
        ? { offset: pos, kind: 'garbage', message: `bytes at ${pos} are not a gzip member` }
        : { offset: pos, kind: 'gzip_corrupt', message: `gzip member at ${pos} is corrupt (${outcome.status === 'corrupt' ? outcome.message : 'truncated'})` };
    pos = await findMagic(file, pos + 1, options.syncMemberBytes);
  }
  if (lost) yield damage(file.size);
}

type MemberOutcome = { status: 'ok'; end: number } | { status: 'invalid' } | { status: 'truncated' } | { status: 'corrupt'; message: string };

/**
 * Inflates the member at `pos`, yielding its pieces. While resynchronising (`emitPartial` false) a
 * candidate that fails yields nothing, so a false magic inside garbage never leaks bytes.
 */
async function* inflateAt(file: FileWindow, pos: number, options: GzipOptions, emitPartial: boolean): AsyncGenerator<PieceEvent, MemberOutcome> {
  let view = await file.view(pos, FIRST_TRY_BYTES);
  let header = gzipHeaderLength(view);
  if (header === 'incomplete' && view.length < file.size - pos) {
    view = await file.view(pos, options.syncMemberBytes);
    header = gzipHeaderLength(view);
  }
  if (header === 'invalid') return { status: 'invalid' };
  if (header === 'incomplete') return { status: 'truncated' };
  let result = inflateSync(view, header, view.length >= file.size - pos, options.maxSyncOutputBytes);
  if (result.status === 'too-big' && view.length < options.syncMemberBytes) {
    view = await file.view(pos, options.syncMemberBytes);
    result = inflateSync(view, header, view.length >= file.size - pos, options.maxSyncOutputBytes);
  }
  switch (result.status) {
    case 'ok':
      if (result.data.length > 0) yield { data: result.data, offset: pos, inner: 0, compressed: true, memberEnd: pos + result.length };
      return { status: 'ok', end: pos + result.length };
    case 'truncated':
      if (emitPartial && result.data.length > 0) yield { data: result.data, offset: pos, inner: 0, compressed: true };
      return { status: 'truncated' };
    case 'corrupt':
      return result;
    case 'too-big': {
      if (emitPartial) return yield* streamMember(file, pos, header, options, true);
      // While resynchronising, a large candidate is validated first and only then read for real.
      const checked = yield* streamMember(file, pos, header, options, false);
      return checked.status === 'ok' ? yield* streamMember(file, pos, header, options, true) : checked;
    }
  }
}

/**
 * A member too large for one call (a huge record, or a whole file compressed as one member) is
 * inflated by a streaming inflater fed a slice at a time; the inflater's `bytesWritten` falling
 * short of what was fed marks the end of the deflate data. Memory stays at one slice's output.
 */
async function* streamMember(
  file: FileWindow,
  pos: number,
  headerLength: number,
  options: GzipOptions,
  emitPartial: boolean,
): AsyncGenerator<PieceEvent, MemberOutcome> {
  const inflater = zlib.createInflateRaw();
  const out: Buffer[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  inflater.on('data', (chunk: Buffer) => out.push(chunk));
  inflater.on('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  let fed = pos + headerLength;
  let crc = 0;
  let size = 0;
  // The newest chunk is held back until the trailer is checked, so the member's last piece can carry `memberEnd`.
  let held: Buffer | null = null;
  let heldAt = 0;
  const release = (memberEnd?: number): Piece | null => {
    if (!held || !emitPartial) return null;
    const piece: Piece = { data: held, offset: pos, inner: heldAt, compressed: true };
    if (memberEnd !== undefined) piece.memberEnd = memberEnd;
    held = null;
    return piece;
  };
  try {
    for (;;) {
      const slice = (await file.view(fed, options.streamFeedBytes)).subarray(0, options.streamFeedBytes);
      if (slice.length === 0) {
        const last = release();
        if (last) yield last;
        return { status: 'truncated' };
      }
      const before = inflater.bytesWritten;
      await new Promise<void>((resolve) => {
        wake = resolve;
        inflater.write(slice, () => resolve());
      });
      const used = inflater.bytesWritten - before;
      for (const data of out.splice(0)) {
        const previous = release();
        if (previous) yield previous;
        held = data;
        heldAt = size;
        crc = zlib.crc32(data, crc);
        size += data.length;
      }
      if (failure) {
        const last = release();
        if (last) yield last;
        return { status: 'corrupt', message: (failure as Error).message };
      }
      fed += used;
      if (used < slice.length) break;
    }
    const trailer = await file.view(fed, TRAILER);
    const trailerError = trailer.length < TRAILER ? null : checkTrailer(trailer, 0, crc, size);
    const end = fed + TRAILER;
    const last = release(trailer.length < TRAILER || trailerError ? undefined : end);
    if (last) yield last;
    if (trailer.length < TRAILER) return { status: 'truncated' };
    return trailerError ? { status: 'corrupt', message: trailerError } : { status: 'ok', end };
  } finally {
    inflater.destroy();
  }
}

/** Next offset at or after `from` holding the 3-byte member magic, or the file size if none. */
async function findMagic(file: FileWindow, from: number, windowBytes: number): Promise<number> {
  while (from < file.size) {
    const view = await file.view(from, windowBytes);
    const at = view.indexOf(MAGIC);
    if (at >= 0) return from + at;
    if (view.length < MAGIC.length) return file.size;
    from += view.length - (MAGIC.length - 1);
  }
  return file.size;
}
