import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { countInvalidUtf8Bytes } from '../charset/utf8-validity.js';
import type { Damage } from './damage.js';
import { isBlank, readLines } from './lines.js';
import type { PieceCursor } from './piece-cursor.js';
import { isDamage, type PieceEvent } from './pieces.js';
import type { InputFormat, RawDocument } from './raw-document.js';

export type DocEvent = { doc: RawDocument; damage?: undefined } | { damage: Damage; doc?: undefined };

/**
 * Maps one JSON record to a document: `text` (or `content`) is required; `id`, `url` and
 * `lang`/`language` are taken when they are strings (an id may be a number).
 */
export function jsonRecordDocument(value: unknown, path: string, format: InputFormat, record: number): RawDocument | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const fields = value as Record<string, unknown>;
  const text = typeof fields['text'] === 'string' ? fields['text'] : fields['content'];
  if (typeof text !== 'string') return 'has no string "text" or "content" field';
  const doc: RawDocument = { path, format, id: `${path}#${record}`, record, contentType: 'text/plain', text };
  const id = fields['id'];
  if (typeof id === 'string' || typeof id === 'number') doc.sourceId = String(id);
  if (typeof fields['url'] === 'string') doc.url = fields['url'];
  const lang = fields['lang'] ?? fields['language'];
  if (typeof lang === 'string') doc.headerLanguage = lang;
  return doc;
}

/**
 * JSON Lines, split on LF here rather than by stream-json's JSONL parser: that parser is
 * JSON.parse per line behind a line splitter too, but reports only a line index, while
 * damage and provenance need each line's byte offset (and this splitter is faster; see README).
 */
export async function* jsonlDocuments(cursor: PieceCursor, path: string): AsyncGenerator<DocEvent> {
  for await (const event of readLines(cursor)) {
    if (event.damage) {
      yield event;
      continue;
    }
    const { bytes, number, at } = event.line;
    if (isBlank(bytes)) continue;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      yield { damage: { path, offset: at.offset, line: number, kind: 'bad_json', message: `line ${number}: ${(error as Error).message}` } };
      continue;
    }
    const doc = jsonRecordDocument(value, path, 'jsonl', number);
    if (typeof doc === 'string') {
      yield { damage: { path, offset: at.offset, line: number, kind: 'bad_record', message: `line ${number} ${doc}` } };
      continue;
    }
    doc.offset = at.offset;
    if (!isUtf8(bytes)) doc.invalidBytes = countInvalidUtf8Bytes(bytes);
    yield { doc };
  }
}

/**
 * A top-level JSON array of records, streamed element by element with stream-json's StreamArray.
 * A syntax error cannot be resynchronised inside one JSON value: it is reported and the file ends there.
 */
export async function* jsonArrayDocuments(pieces: AsyncIterable<PieceEvent>, path: string): AsyncGenerator<DocEvent> {
  let stopped: Damage | null = null;
  let lastOffset = 0;
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const event of pieces) {
      if (isDamage(event)) {
        stopped = event;
        return;
      }
      lastOffset = event.offset;
      yield event.data;
    }
  }
  const elements = Readable.from(bytes()).pipe(streamArray.withParserAsStream());
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      const doc = jsonRecordDocument(value, path, 'json', key);
      if (typeof doc === 'string') yield { damage: { path, offset: lastOffset, kind: 'bad_record', message: `array element ${key} ${doc}` } };
      else yield { doc };
    }
  } catch (error) {
    yield { damage: { path, offset: lastOffset, kind: 'bad_json', message: `JSON array: ${(error as Error).message}; the rest of the file is skipped` } };
  }
  if (stopped) yield { damage: stopped };
}
