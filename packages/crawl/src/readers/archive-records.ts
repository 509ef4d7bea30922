import { arcDateToIso, parseArcHeaderLine, type ArcHeader } from './arc-header.js';
import type { Damage, DamageKind } from './damage.js';
import { parseHeaderFields, type HeaderFields } from './header-fields.js';
import { headerBlockEnd, parseHttpResponse } from './http-payload.js';
import { DEFAULT_INPUT_OPTIONS, openInput, type Compression, type InputOptions } from './input-file.js';
import { PieceCursor, type Position } from './piece-cursor.js';

export interface ArchiveRecord {
  format: 'warc' | 'arc';
  /** First line of a WARC record ('WARC/1.0', 'WARC/1.1'); 'ARC/1' or 'ARC/2' for ARC. */
  version: string;
  /** WARC-Type; ARC records are 'arc_header' (the filedesc record) or 'response', as warcio names them. */
  type: string;
  targetUri?: string;
  date?: string;
  recordId?: string;
  /** The record's Content-Type (WARC header, or the ARC header's type field); '' when absent. */
  contentType: string;
  httpStatus?: number;
  httpHeaders?: HeaderFields;
  /** WARC header fields by lower-case name; for ARC: uri, ip-address, archive-date, content-type, length (+ v2 fields). */
  headers: HeaderFields;
  /** The payload: for HTTP responses the entity (de-chunked, content-decoded), else the record block. */
  body: Buffer;
  /** File offset of the record; for gzip, of the member it starts in (where a reader can seek to). */
  offset: number;
  /**
   * Bytes the record takes in the file: for gzip the compressed size of its member(s), trailing
   * blank lines included; for plain files header + block, without them (warcio's offset/length).
   * Records that share a member (a whole file gzipped at once) have `innerOffset` set, and
   * their `length` counts decompressed bytes.
   */
  length: number;
  /** Decompressed offset of the record inside the member at `offset`, when it does not start and end on member boundaries. */
  innerOffset?: number;
  /** Set when the record is damaged (its body may be cut short or overrun); the damage itself is reported as an event. */
  damage?: DamageKind;
  /** Set when the record was not read: 'oversize' when its block exceeds `maxRecordBytes`. */
  skipped?: 'oversize';
}

export type RecordEvent = { record: ArchiveRecord; damage?: undefined } | { damage: Damage; record?: undefined };

export interface ArchiveOptions extends InputOptions {
  /** Records whose block is larger are skipped (streamed past, never held) and flagged `skipped: 'oversize'`. */
  maxRecordBytes: number;
  /** A header block longer than this is damage (no real WARC/ARC header comes close). */
  maxHeaderBytes: number;
}

export const DEFAULT_ARCHIVE_OPTIONS: ArchiveOptions = {
  ...DEFAULT_INPUT_OPTIONS,
  maxRecordBytes: 64 << 20,
  maxHeaderBytes: 64 << 10,
};

export interface ArchiveReader {
  compression: Compression;
  size: number;
  events: AsyncGenerator<RecordEvent>;
}

/** Opens a WARC/ARC file (gzip or not, by magic bytes) and reads its records; throws only if the file cannot be opened. */
export async function openArchive(path: string, options: Partial<ArchiveOptions> = {}): Promise<ArchiveReader> {
  const opts = { ...DEFAULT_ARCHIVE_OPTIONS, ...options };
  const input = await openInput(path, opts);
  async function* events(): AsyncGenerator<RecordEvent> {
    try {
      yield* parseArchive(new PieceCursor(input.pieces), path, opts);
    } finally {
      await input.close();
    }
  }
  return { compression: input.compression, size: input.size, events: events() };
}

const WARC = Buffer.from('WARC/');
const CRLF2 = Buffer.from('\r\n\r\n');
const CR = 0x0d;
const LF = 0x0a;

/** A run of skipped bytes being measured, reported as one damage event when it ends. */
interface Lost {
  at: Position;
  kind: DamageKind;
  message: string;
  skipped: number;
}

type Mode = 'warc' | 'arc' | null;

function describe(position: Position): string {
  return position.compressed ? `gzip member ${position.offset} + ${position.inner}` : `offset ${position.offset}`;
}

function isWarcStart(bytes: Buffer, at: number): boolean {
  const digit = bytes[at + 5];
  return bytes.compare(WARC, 0, 5, at, at + 5) === 0 && digit !== undefined && digit >= 0x30 && digit <= 0x39;
}

/** The next "\nWARC/<digit>" line start in `bytes` at or after `from`, or -1. */
function nextWarcLine(bytes: Buffer, from: number): number {
  for (let i = bytes.indexOf('\nWARC/', from); i >= 0; i = bytes.indexOf('\nWARC/', i + 1)) {
    if (isWarcStart(bytes, i + 1)) return i + 1;
  }
  return -1;
}

function newlinesAt(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length && (bytes[i] === CR || bytes[i] === LF)) i++;
  return i - from;
}

/** Record parsing over a piece cursor: WARC and ARC records, damage reported, resynchronised on the next record header. */
export async function* parseArchive(cursor: PieceCursor, path: string, options: ArchiveOptions): AsyncGenerator<RecordEvent> {
  let mode: Mode = null;
  let lost: Lost | null = null;
  const endLost = (to: string): RecordEvent => {
    const event: RecordEvent = {
      damage: { path, offset: lost!.at.offset, kind: lost!.kind, message: `${lost!.message}; ${lost!.skipped} bytes skipped to ${to}` },
    };
    lost = null;
    return event;
  };
  for (;;) {
    // Damage from the gzip layer is reported once the bytes before it have been parsed.
    if (cursor.available === 0 || !cursor.interrupted) while (cursor.damages.length > 0) yield { damage: cursor.damages.shift()! };
    await skipNewlines(cursor);
    if (cursor.available === 0 && cursor.interrupted) {
      if (lost) yield endLost('damaged data');
      cursor.resume();
      continue;
    }
    if (!(await cursor.ensure(1))) {
      if (cursor.interrupted) continue;
      if (lost) yield endLost('the end of the file');
      return;
    }
    const start = cursor.positionAt(0);
    const kind = await classify(cursor, mode, options.maxHeaderBytes);
    if (kind.format === null) {
      lost ??= { at: start, kind: 'garbage', message: `bytes at ${describe(start)} are not a WARC or ARC record`, skipped: 0 };
      lost.skipped += await skipToRecord(cursor, mode, options.maxHeaderBytes);
      continue;
    }
    if (lost) yield endLost(`the next record at ${describe(start)}`);
    mode ??= kind.format;
    const step =
      kind.format === 'warc' ? await readWarcRecord(cursor, start, path, options) : await readArcRecord(cursor, start, kind.header, kind.lineEnd, path, options);
    if (step.damage) yield { damage: step.damage };
    if (step.record) yield { record: step.record };
    if (step.lost) lost = step.lost;
  }
}

async function skipNewlines(cursor: PieceCursor): Promise<void> {
  for (;;) {
    cursor.consume(newlinesAt(cursor.view(), 0));
    if (cursor.available > 0 || !(await cursor.more())) return;
  }
}

type Classified = { format: 'warc' } | { format: 'arc'; header: ArcHeader; lineEnd: number } | { format: null };

/** What starts at the cursor: a WARC header, an ARC header line (unless the file is WARC), or neither. */
async function classify(cursor: PieceCursor, mode: Mode, maxHeaderBytes: number): Promise<Classified> {
  if (cursor.available < 6) await cursor.ensure(6);
  if (isWarcStart(cursor.view(), 0)) return { format: 'warc' };
  if (mode === 'warc') return { format: null };
  const lineEnd = await lineEndAt(cursor, 0, maxHeaderBytes);
  if (lineEnd < 0) return { format: null };
  const header = parseArcHeaderLine(cursor.view().toString('latin1', 0, lineEnd - 1));
  return header ? { format: 'arc', header, lineEnd } : { format: null };
}

/** Index just past the LF ending the line that starts at `from`, pulling more bytes as needed; -1 if none within `max`. */
async function lineEndAt(cursor: PieceCursor, from: number, max: number): Promise<number> {
  let searched = from;
  for (;;) {
    const at = cursor.view().indexOf(LF, searched);
    if (at >= 0) return at + 1;
    searched = cursor.available;
    if (searched - from > max || !(await cursor.more())) return -1;
  }
}

/** Consumes bytes up to the next line that starts a record (or to the end of the data); returns how many. */
async function skipToRecord(cursor: PieceCursor, mode: Mode, maxHeaderBytes: number): Promise<number> {
  let skipped = 0;
  const take = (n: number): void => {
    cursor.consume(n);
    skipped += n;
  };
  take(1);
  for (;;) {
    const view = cursor.view();
    const warcAt = nextWarcLine(view, 0);
    const arcAt = mode === 'warc' ? -1 : nextArcLine(view, maxHeaderBytes);
    const found = [warcAt, arcAt].filter((i) => i >= 0);
    if (found.length > 0) {
      take(Math.min(...found));
      return skipped;
    }
    // Keep a tail that may hold the start of a header line split across pieces.
    const lastLf = view.lastIndexOf(LF);
    const keep = lastLf < 0 ? Math.min(view.length, 6) : Math.min(view.length - lastLf, maxHeaderBytes);
    take(view.length - keep);
    if (!(await cursor.more())) {
      take(cursor.available);
      return skipped;
    }
  }
}

/** The next complete line in `view` (after an LF) that is an ARC header line, or -1. */
function nextArcLine(view: Buffer, maxHeaderBytes: number): number {
  for (let lf = view.indexOf(LF); lf >= 0; ) {
    const end = view.indexOf(LF, lf + 1);
    if (end < 0) return -1;
    if (end - lf <= maxHeaderBytes && parseArcHeaderLine(view.toString('latin1', lf + 1, end))) return lf + 1;
    lf = end;
  }
  return -1;
}

interface Step {
  record?: ArchiveRecord;
  /** A new damage event to report. */
  damage?: Damage;
  /** Skipping starts here: the damage is reported once the next record is found. */
  lost?: Lost;
}

/**
 * Where a record ends in the file. For gzip, a record that starts a member and ends one
 * (possibly after its blank lines) is measured in compressed bytes; anything else in decompressed bytes.
 */
function placeRecord(record: ArchiveRecord, start: Position, memberEnd: number | undefined, plainLength: number, packedLength: number): void {
  record.offset = start.offset;
  if (!start.compressed) record.length = plainLength;
  else if (start.inner === 0 && memberEnd !== undefined) record.length = memberEnd - start.offset;
  else {
    record.innerOffset = start.inner;
    record.length = packedLength;
  }
}

/** A record cut short by the end of the data or by damage in the gzip layer (already reported there). */
function cutShort(cursor: PieceCursor, record: ArchiveRecord, start: Position, path: string, what: string): Step {
  const interrupted = cursor.interrupted;
  record.damage = interrupted ? interrupted.kind : 'truncated';
  const taken = cursor.available;
  cursor.consume(taken);
  placeRecord(record, start, undefined, taken, taken);
  if (interrupted) return { record };
  return { record, damage: { path, offset: start.offset, kind: 'truncated', message: `${what} at ${describe(start)} is cut short by the end of the file` } };
}

async function readWarcRecord(cursor: PieceCursor, start: Position, path: string, options: ArchiveOptions): Promise<Step> {
  let headerEnd = headerBlockEnd(cursor.view());
  while (headerEnd < 0 && cursor.available <= options.maxHeaderBytes && (await cursor.more())) headerEnd = headerBlockEnd(cursor.view());
  if (headerEnd < 0) {
    if (cursor.exhausted) {
      const taken = cursor.available;
      const interrupted = cursor.interrupted;
      cursor.consume(taken);
      if (interrupted) return {};
      return { damage: { path, offset: start.offset, kind: 'truncated', message: `WARC header at ${describe(start)} is cut short by the end of the file` } };
    }
    return { lost: { at: start, kind: 'bad_header', message: `WARC header at ${describe(start)} has no end within ${options.maxHeaderBytes} bytes`, skipped: 0 } };
  }
  const lines = cursor.view().toString('utf8', 0, headerEnd).split('\n');
  const version = lines[0]!.trim();
  const headers = parseHeaderFields(lines.slice(1));
  const declared = headers.get('content-length') ?? '';
  if (!/^\d+$/.test(declared)) {
    cursor.consume(headerEnd);
    const message = `WARC header at ${describe(start)} has ${declared ? `an invalid Content-Length "${declared}"` : 'no Content-Length'}`;
    return { lost: { at: start, kind: 'bad_header', message, skipped: headerEnd } };
  }
  const contentLength = Number(declared);
  const record = warcRecord(version, headers);
  if (contentLength > options.maxRecordBytes) return skipOversize(cursor, record, start, headerEnd, contentLength, path);

  const blockEnd = headerEnd + contentLength;
  if (cursor.available < blockEnd + 4) await cursor.ensure(blockEnd + 4);
  let view = cursor.view();
  if (view.length < blockEnd) {
    const next = nextWarcLine(view, headerEnd);
    if (next >= 0) return overrun(cursor, record, start, headerEnd, next, contentLength, path, options);
    setBlock(record, view.subarray(headerEnd), options);
    return cutShort(cursor, record, start, path, 'WARC record');
  }
  if (view.compare(CRLF2, 0, 4, blockEnd, blockEnd + 4) !== 0) {
    // Not the standard CRLF CRLF: accept other blank lines if a record or the end of the data follows.
    await cursor.ensure(blockEnd + newlinesAt(view, blockEnd) + 6);
    view = cursor.view();
    const next = blockEnd + newlinesAt(view, blockEnd);
    const followed = next >= view.length ? cursor.exhausted : isWarcStart(view, next);
    if (!followed) {
      const inside = nextWarcLine(view.subarray(0, blockEnd), headerEnd);
      if (inside >= 0) return overrun(cursor, record, start, headerEnd, inside, contentLength, path, options);
      setBlock(record, view.subarray(headerEnd, blockEnd), options);
      record.damage = 'length_mismatch';
      return finish(cursor, record, start, blockEnd, {
        at: start,
        kind: 'length_mismatch',
        message: `Content-Length ${contentLength} of the WARC record at ${describe(start)} is too short: the block is not followed by a record`,
        skipped: 0,
      });
    }
  }
  setBlock(record, view.subarray(headerEnd, blockEnd), options);
  return finish(cursor, record, start, blockEnd);
}

/**
 * Consumes a record's bytes and the blank lines after it, and places it in the file: a gzip
 * record is member-aligned if its member ends anywhere between the block's end and the next record.
 */
function finish(cursor: PieceCursor, record: ArchiveRecord, start: Position, blockEnd: number, lost?: Lost): Step {
  cursor.consume(blockEnd);
  let memberEnd = cursor.lastMemberEnd;
  const blank = lost ? 0 : newlinesAt(cursor.view(), 0);
  for (let i = 0; i < blank; i++) {
    cursor.consume(1);
    memberEnd = cursor.lastMemberEnd ?? memberEnd;
  }
  placeRecord(record, start, memberEnd, blockEnd, blockEnd + blank);
  return lost ? { record, lost } : { record };
}

/** Content-Length runs past the next record's header: keep the block up to it and resume there. */
function overrun(
  cursor: PieceCursor,
  record: ArchiveRecord,
  start: Position,
  headerEnd: number,
  next: number,
  contentLength: number,
  path: string,
  options: ArchiveOptions,
): Step {
  const view = cursor.view();
  let blockEnd = next;
  while (blockEnd > headerEnd && (view[blockEnd - 1] === LF || view[blockEnd - 1] === CR) && next - blockEnd < 4) blockEnd--;
  setBlock(record, view.subarray(headerEnd, blockEnd), options);
  record.damage = 'length_mismatch';
  cursor.consume(next);
  placeRecord(record, start, undefined, blockEnd, next);
  const message = `Content-Length ${contentLength} of the WARC record at ${describe(start)} runs past the next record, which starts ${blockEnd - headerEnd} bytes into the block`;
  return { record, damage: { path, offset: start.offset, kind: 'length_mismatch', message } };
}

async function skipOversize(cursor: PieceCursor, record: ArchiveRecord, start: Position, headerEnd: number, size: number, path: string): Promise<Step> {
  cursor.consume(headerEnd);
  const skipped = await cursor.skip(size);
  record.skipped = 'oversize';
  record.body = Buffer.alloc(0);
  placeRecord(record, start, cursor.lastMemberEnd, headerEnd + skipped, headerEnd + skipped);
  if (skipped === size) return { record };
  record.damage = cursor.interrupted ? cursor.interrupted.kind : 'truncated';
  if (cursor.interrupted) return { record };
  return { record, damage: { path, offset: start.offset, kind: 'truncated', message: `record at ${describe(start)} is cut short by the end of the file` } };
}

function stripAngles(value: string | undefined): string | undefined {
  return value && value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
}

function warcRecord(version: string, headers: HeaderFields): ArchiveRecord {
  const record: ArchiveRecord = {
    format: 'warc',
    version,
    type: headers.get('warc-type') ?? 'unknown',
    contentType: headers.get('content-type') ?? '',
    headers,
    body: Buffer.alloc(0),
    offset: 0,
    length: 0,
  };
  const targetUri = stripAngles(headers.get('warc-target-uri'));
  if (targetUri !== undefined) record.targetUri = targetUri;
  const date = headers.get('warc-date');
  if (date !== undefined) record.date = date;
  const recordId = headers.get('warc-record-id');
  if (recordId !== undefined) record.recordId = recordId;
  return record;
}

/** Sets the body; an HTTP response (WARC response/revisit, ARC response) is split into status, headers and entity. */
function setBlock(record: ArchiveRecord, block: Buffer, options: ArchiveOptions): void {
  record.body = block;
  if (record.type !== 'response' && record.type !== 'revisit') return;
  const http = parseHttpResponse(block, options.maxRecordBytes);
  if (!http) return;
  record.httpStatus = http.status;
  record.httpHeaders = http.headers;
  record.body = http.payload;
}

async function readArcRecord(
  cursor: PieceCursor,
  start: Position,
  header: ArcHeader,
  lineEnd: number,
  path: string,
  options: ArchiveOptions,
): Promise<Step> {
  const filedesc = header.uri.startsWith('filedesc://');
  const headers: HeaderFields = new Map([
    ['uri', header.uri],
    ['ip-address', header.ipAddress],
    ['archive-date', header.archiveDate],
    ['content-type', header.contentType],
    ['length', header.length],
    ...Object.entries(header.extra ?? {}),
  ]);
  const record: ArchiveRecord = {
    format: 'arc',
    version: header.extra ? 'ARC/2' : 'ARC/1',
    type: filedesc ? 'arc_header' : 'response',
    contentType: header.contentType,
    headers,
    body: Buffer.alloc(0),
    offset: 0,
    length: 0,
  };
  if (!filedesc) record.targetUri = header.uri;
  const date = arcDateToIso(header.archiveDate);
  if (date) record.date = date;

  if (!/^\d+$/.test(header.length)) {
    // warcio reads such a record as empty (length 0) and goes on; so do we, but report it.
    cursor.consume(lineEnd);
    if (filedesc) await skipVersionBlock(cursor, options.maxHeaderBytes);
    record.damage = 'bad_header';
    placeRecord(record, start, cursor.lastMemberEnd, lineEnd, lineEnd);
    return { record, damage: { path, offset: start.offset, kind: 'bad_header', message: `ARC header at ${describe(start)} has an invalid length "${header.length}"` } };
  }
  const size = Number(header.length);
  if (size > options.maxRecordBytes) return skipOversize(cursor, record, start, lineEnd, size, path);
  const blockEnd = lineEnd + size;
  await cursor.ensure(blockEnd + 1);
  const view = cursor.view();
  if (view.length < blockEnd) {
    setBlock(record, view.subarray(lineEnd), options);
    return cutShort(cursor, record, start, path, 'ARC record');
  }
  setBlock(record, view.subarray(lineEnd, blockEnd), options);
  if (filedesc) record.version = view.toString('latin1', lineEnd, lineEnd + 2).startsWith('2') ? 'ARC/2' : 'ARC/1';
  if (!(await followedByRecord(cursor, blockEnd, options.maxHeaderBytes))) {
    record.damage = 'length_mismatch';
    const message = `length ${size} of the ARC record at ${describe(start)} is wrong: the block is not followed by a record`;
    return finish(cursor, record, start, blockEnd, { at: start, kind: 'length_mismatch', message, skipped: 0 });
  }
  return finish(cursor, record, start, blockEnd);
}

/** ARC records end with a newline; after it must come another header line or the end of the data. */
async function followedByRecord(cursor: PieceCursor, blockEnd: number, maxHeaderBytes: number): Promise<boolean> {
  await cursor.ensure(blockEnd + 2);
  const next = blockEnd + newlinesAt(cursor.view(), blockEnd);
  if (next >= cursor.available) return (await cursor.ensure(next + 1)) ? followedByRecord(cursor, blockEnd, maxHeaderBytes) : true;
  const end = await lineEndAt(cursor, next, maxHeaderBytes);
  const view = cursor.view();
  if (isWarcStart(view, next)) return true;
  return end >= 0 && parseArcHeaderLine(view.toString('latin1', next, end - 1)) !== null;
}

/** The two lines after a filedesc header (version and field names), which warcio skips when the length is unusable. */
async function skipVersionBlock(cursor: PieceCursor, maxHeaderBytes: number): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const end = await lineEndAt(cursor, 0, maxHeaderBytes);
    if (end < 0 || parseArcHeaderLine(cursor.view().toString('latin1', 0, end - 1))) return;
    cursor.consume(end);
  }
}
