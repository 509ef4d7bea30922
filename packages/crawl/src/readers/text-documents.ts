import type { DocEvent } from './json-documents.js';
import { isBlank, readLines } from './lines.js';
import type { PieceCursor, Position } from './piece-cursor.js';
import type { RawDocument } from './raw-document.js';

/**
 * Plain text: one document per block of lines separated by blank lines (paragraph mode), so a
 * file of any size streams and a one-document-per-file corpus is simply a file without blank
 * lines. A block larger than `maxBlockBytes` is split there, which bounds memory.
 */
export async function* textDocuments(cursor: PieceCursor, path: string, maxBlockBytes: number): AsyncGenerator<DocEvent> {
  let lines: Buffer[] = [];
  let size = 0;
  let start: Position | null = null;
  let count = 0;
  const flush = (): RawDocument | null => {
    if (!start) return null;
    const body = Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [NEWLINE, line])));
    const id = start.compressed ? `${path}#${start.offset}+${start.inner}` : `${path}#${start.offset}`;
    const doc: RawDocument = { path, format: 'text', id, offset: start.offset, record: count++, contentType: 'text/plain', body };
    lines = [];
    size = 0;
    start = null;
    return doc;
  };
  for await (const event of readLines(cursor)) {
    if (event.damage) {
      const doc = flush();
      if (doc) yield { doc };
      yield event;
      continue;
    }
    const { bytes, at } = event.line;
    if (isBlank(bytes)) {
      const doc = flush();
      if (doc) yield { doc };
      continue;
    }
    start ??= at;
    lines.push(bytes);
    size += bytes.length + 1;
    if (size >= maxBlockBytes) {
      const doc = flush();
      if (doc) yield { doc };
    }
  }
  const doc = flush();
  if (doc) yield { doc };
}

const NEWLINE = Buffer.from('\n');
