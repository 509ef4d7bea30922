import { stat } from 'node:fs/promises';
import { openArchive, type ArchiveRecord } from './archive-records.js';
import type { Damage } from './damage.js';
import type { Compression } from './input-file.js';
import { claimedLanguage, emptyCounts, payloadMediaType, readDocuments } from './read-documents.js';
import type { InputFormat } from './raw-document.js';
import { sniffFormat } from './format-sniff.js';
import { openInput } from './input-file.js';
import { PieceCursor } from './piece-cursor.js';

export interface SizeStats {
  count: number;
  min: number;
  median: number;
  max: number;
  total: number;
}

/** What `ntl inspect` prints about one input file. */
export interface FileSummary {
  path: string;
  /** 'empty' for a zero-byte file, 'missing'/'unreadable' when it cannot be read. */
  format: InputFormat | 'empty' | 'missing' | 'unreadable';
  compression: Compression | null;
  size: number;
  /** Records by WARC type (ARC: arc_header, response); JSON and text: 'document'. */
  records: Record<string, number>;
  /** Most frequent payload media types of response/resource/conversion records, most frequent first. */
  contentTypes: Array<[string, number]>;
  /** Most frequent claimed languages (WARC-Identified-Content-Language, HTTP Content-Language, <html lang>; JSON lang), most frequent first. */
  languages: Array<[string, number]>;
  /** Record sizes in file bytes (see ArchiveRecord.length); payload bytes for JSON and text. */
  recordSizes: SizeStats;
  damaged: Damage[];
}

export interface InspectOptions {
  /** How many content types and languages to list. */
  top: number;
}

function sizeStats(sizes: number[]): SizeStats {
  if (sizes.length === 0) return { count: 0, min: 0, median: 0, max: 0, total: 0 };
  sizes.sort((a, b) => a - b);
  const mid = sizes.length >> 1;
  const median = sizes.length % 2 ? sizes[mid]! : (sizes[mid - 1]! + sizes[mid]!) / 2;
  return { count: sizes.length, min: sizes[0]!, median, max: sizes[sizes.length - 1]!, total: sizes.reduce((a, b) => a + b, 0) };
}

function top(table: Map<string, number>, n: number): Array<[string, number]> {
  return [...table].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

function bump(table: Map<string, number>, key: string): void {
  table.set(key, (table.get(key) ?? 0) + 1);
}

/** Content types and languages are tallied over the records that hold documents, not warcinfo or metadata. */
const CONTENT_RECORDS = new Set(['response', 'resource', 'conversion']);

const HTML_LANG = /<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/i;

/** `<html lang>` from the first 2 KiB of an HTML payload (cheap: no parse). */
export function htmlLang(body: Buffer): string | undefined {
  return HTML_LANG.exec(body.toString('latin1', 0, 2048))?.[1];
}

function recordLanguages(record: ArchiveRecord, contentType: string): string[] {
  const claims = (claimedLanguage(record) ?? '').split(',').map((l) => l.trim()).filter(Boolean);
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') {
    const lang = htmlLang(record.body);
    if (lang) claims.push(lang);
  }
  // A record that claims the same language twice (header and <html lang>) counts once.
  return [...new Set(claims)];
}

/** Reads a whole file once and summarises it; damage is listed, not thrown. */
export async function inspectFile(path: string, options: Partial<InspectOptions> = {}): Promise<FileSummary> {
  const n = options.top ?? 10;
  const records = new Map<string, number>();
  const contentTypes = new Map<string, number>();
  const languages = new Map<string, number>();
  const sizes: number[] = [];
  const damaged: Damage[] = [];
  const summary = (format: FileSummary['format'], compression: Compression | null, size: number): FileSummary => ({
    path,
    format,
    compression,
    size,
    records: Object.fromEntries([...records].sort()),
    contentTypes: top(contentTypes, n),
    languages: top(languages, n),
    recordSizes: sizeStats(sizes),
    damaged,
  });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    damaged.push({ path, offset: 0, kind: missing ? 'missing' : 'unreadable', message: `${path}: ${(error as Error).message}` });
    return summary(missing ? 'missing' : 'unreadable', null, 0);
  }
  if (size === 0) return summary('empty', null, 0);
  const format = await sniffFile(path);
  if (format === 'warc' || format === 'arc') {
    const archive = await openArchive(path);
    for await (const event of archive.events) {
      if (event.damage) {
        damaged.push(event.damage);
        continue;
      }
      const { record } = event;
      bump(records, record.type);
      sizes.push(record.length);
      const contentType = payloadMediaType(record);
      if (contentType && CONTENT_RECORDS.has(record.type)) bump(contentTypes, contentType);
      for (const lang of recordLanguages(record, contentType)) bump(languages, lang);
    }
    return summary(format, archive.compression, size);
  }
  const counts = emptyCounts();
  for await (const event of readDocuments(path, { contentTypes: ['text/plain'] }, counts)) {
    if (event.damage) {
      damaged.push(event.damage);
      continue;
    }
    const { doc } = event;
    bump(records, 'document');
    bump(contentTypes, doc.contentType);
    sizes.push(doc.body ? doc.body.length : Buffer.byteLength(doc.text ?? ''));
    if (doc.headerLanguage) bump(languages, doc.headerLanguage);
  }
  return summary(format, counts.compression ?? null, size);
}

async function sniffFile(path: string): Promise<InputFormat> {
  const input = await openInput(path);
  try {
    const cursor = new PieceCursor(input.pieces);
    await cursor.ensure(512);
    return sniffFormat(cursor.view());
  } finally {
    await input.close();
  }
}
