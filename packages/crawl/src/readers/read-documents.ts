import { stat } from 'node:fs/promises';
import { DEFAULT_ARCHIVE_OPTIONS, parseArchive, type ArchiveOptions, type ArchiveRecord } from './archive-records.js';
import type { Damage, DamageKind } from './damage.js';
import { sniffFormat } from './format-sniff.js';
import { mediaType } from './header-fields.js';
import { openInput, type Compression } from './input-file.js';
import { jsonArrayDocuments, jsonlDocuments, type DocEvent } from './json-documents.js';
import { PieceCursor } from './piece-cursor.js';
import type { PieceEvent } from './pieces.js';
import type { InputFormat, RawDocument } from './raw-document.js';
import { textDocuments } from './text-documents.js';

export interface ReadOptions extends ArchiveOptions {
  /** Media types kept (matched without parameters). */
  contentTypes: readonly string[];
  /** Keep HTTP responses whose status is not 200 (redirects, errors, …). */
  includeNon200: boolean;
  /** Keep documents from damaged records (cut short, or with a lying length). */
  keepDamaged: boolean;
}

export const DEFAULT_CONTENT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'text/plain'];

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  ...DEFAULT_ARCHIVE_OPTIONS,
  contentTypes: DEFAULT_CONTENT_TYPES,
  includeNon200: false,
  keepDamaged: false,
};

/** WARC types that hold documents; warcinfo, request, metadata and revisit are counted, not read. */
const CONTENT_TYPES_OF_RECORD = new Set(['response', 'resource', 'conversion']);

export type SkipReason = 'record_type' | 'content_type' | 'status' | 'damaged' | 'oversize';

/** What reading one file found; `readDocuments` fills it as it goes (so it is current at every event). */
export interface ReadCounts {
  format?: InputFormat;
  compression?: Compression;
  /** Input bytes consumed so far (compressed bytes for gzip input). */
  bytes: number;
  /** Archive records by WARC type (ARC: arc_header, response); JSON and text: 'document'. */
  records: Record<string, number>;
  docs: number;
  damaged: Partial<Record<DamageKind, number>>;
  skipped: Partial<Record<SkipReason, number>>;
  emptyFile: boolean;
}

export function emptyCounts(): ReadCounts {
  return { bytes: 0, records: {}, docs: 0, damaged: {}, skipped: {}, emptyFile: false };
}

export type ReadEvent = { doc: RawDocument; damage?: undefined } | { damage: Damage; doc?: undefined };

function bump<K extends string>(table: Partial<Record<K, number>>, key: K): void {
  table[key] = (table[key] ?? 0) + 1;
}

const SNIFF_BYTES = 512;

/**
 * Reads any supported input — WARC, ARC, JSONL, a JSON array, plain text; gzip or not — as a
 * stream of raw documents and damage events. The format is sniffed from the (decompressed)
 * first bytes, never from the file name. A missing or unreadable file is a damage event.
 */
export async function* readDocuments(path: string, options: Partial<ReadOptions> = {}, counts: ReadCounts = emptyCounts()): AsyncGenerator<ReadEvent> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  const damage = (event: Damage): ReadEvent => {
    bump(counts.damaged, event.kind);
    return { damage: event };
  };
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as { code?: string }).code;
    yield damage({ path, offset: 0, kind: code === 'ENOENT' ? 'missing' : 'unreadable', message: `${path}: ${(error as Error).message}` });
    return;
  }
  if (size === 0) {
    counts.emptyFile = true;
    return;
  }
  try {
    const input = await openInput(path, opts);
    counts.compression = input.compression;
    try {
      const cursor = new PieceCursor(input.pieces);
      await cursor.ensure(SNIFF_BYTES);
      const format = sniffFormat(cursor.view());
      counts.format = format;
      for await (const event of eventsOf(format, cursor, input.pieces, path, opts)) {
        if ('damage' in event && event.damage) {
          yield damage(event.damage);
          continue;
        }
        const doc = 'record' in event ? archiveDocument(event.record, path, opts, counts) : countDocument(event.doc, counts);
        if (doc) {
          counts.docs++;
          yield { doc };
        }
      }
    } finally {
      await input.close();
    }
  } catch (error) {
    yield damage({ path, offset: counts.bytes, kind: 'unreadable', message: `${path}: ${(error as Error).message}` });
  }
  counts.bytes = size;
}

type SourceEvent = { record: ArchiveRecord; damage?: undefined } | DocEvent;

function eventsOf(format: InputFormat, cursor: PieceCursor, pieces: AsyncIterable<PieceEvent>, path: string, opts: ReadOptions): AsyncIterable<SourceEvent> {
  switch (format) {
    case 'warc':
    case 'arc':
      return parseArchive(cursor, path, opts);
    case 'jsonl':
      return jsonlDocuments(cursor, path);
    case 'json':
      return jsonArrayDocuments(cursorPieces(cursor, pieces), path);
    case 'text':
      return textDocuments(cursor, path, opts.maxRecordBytes);
  }
}

/** The bytes the cursor already pulled (for sniffing), then the rest of the source. */
async function* cursorPieces(cursor: PieceCursor, rest: AsyncIterable<PieceEvent>): AsyncGenerator<PieceEvent> {
  const first = cursor.positionAt(0);
  if (cursor.available > 0) yield { data: cursor.view(), offset: first.offset, inner: first.inner, compressed: first.compressed };
  yield* cursor.damages;
  yield* rest;
}

function countDocument(doc: RawDocument, counts: ReadCounts): RawDocument {
  bump(counts.records, 'document');
  if (doc.offset !== undefined) counts.bytes = Math.max(counts.bytes, doc.offset);
  return doc;
}

const HTML_START = /^\s*<(!doctype\s+html|html|head|body|meta|title)\b/i;

/** The payload's media type: HTTP header, else the record's, else CC's identified type, else a glance at the bytes. */
export function payloadMediaType(record: ArchiveRecord): string {
  const declared = mediaType(record.httpHeaders ? record.httpHeaders.get('content-type') : record.contentType);
  if (declared && !declared.startsWith('application/http')) return declared;
  const identified = mediaType(record.headers.get('warc-identified-payload-type'));
  if (identified) return identified;
  return HTML_START.test(record.body.toString('latin1', 0, 1024)) ? 'text/html' : '';
}

/** Language claimed by the record: Common Crawl's identification, else HTTP Content-Language. */
export function claimedLanguage(record: ArchiveRecord): string | undefined {
  return record.headers.get('warc-identified-content-language') ?? record.httpHeaders?.get('content-language');
}

function archiveDocument(record: ArchiveRecord, path: string, opts: ReadOptions, counts: ReadCounts): RawDocument | null {
  bump(counts.records, record.type);
  counts.bytes = Math.max(counts.bytes, record.offset);
  if (!CONTENT_TYPES_OF_RECORD.has(record.type)) return skip(counts, 'record_type');
  if (record.skipped) return skip(counts, record.skipped);
  if (record.damage && !opts.keepDamaged) return skip(counts, 'damaged');
  if (record.httpStatus !== undefined && record.httpStatus !== 200 && !opts.includeNon200) return skip(counts, 'status');
  const contentType = payloadMediaType(record);
  if (!opts.contentTypes.includes(contentType)) return skip(counts, 'content_type');
  const where = record.innerOffset === undefined ? `${record.offset}` : `${record.offset}+${record.innerOffset}`;
  const doc: RawDocument = {
    path,
    format: record.format,
    id: record.recordId ?? `${path}#${where}`,
    offset: record.offset,
    warcType: record.type,
    contentType,
    body: record.body,
  };
  if (record.targetUri !== undefined) doc.url = record.targetUri;
  if (record.date !== undefined) doc.date = record.date;
  if (record.httpStatus !== undefined) doc.httpStatus = record.httpStatus;
  const header = record.httpHeaders ? record.httpHeaders.get('content-type') : record.contentType;
  if (header) doc.contentTypeHeader = header;
  const language = claimedLanguage(record);
  if (language !== undefined) doc.headerLanguage = language;
  if (record.damage) doc.damage = record.damage;
  return doc;
}

function skip(counts: ReadCounts, reason: SkipReason): null {
  bump(counts.skipped, reason);
  return null;
}
