import { readFileSync } from 'node:fs';
import { pyRstrip } from '../python/str.js';

/** A hypothesis or reference file that cannot be scored; names the file and, when known, the line. */
export class SegmentFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SegmentFileError';
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid (overlong, surrogate, > U+10FFFF, truncated). */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < n; k++) {
    const d = b[i + k];
    if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return 0;
  }
  return n;
}

/** Throws a `SegmentFileError` at the first byte that is not UTF-8. */
function reportInvalidUtf8(bytes: Uint8Array, source: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      const hex = (bytes[i] as number).toString(16).padStart(2, '0');
      throw new SegmentFileError(`${source}:${line}: invalid UTF-8 byte 0x${hex} at column ${i - lineStart + 1} (byte offset ${i})`, source, line);
    }
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += n;
  }
  throw new SegmentFileError(`${source}: invalid UTF-8`, source);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The segments of a text file as sacrebleu's command line reads them: strict UTF-8 (a BOM stays,
 * as with Python's 'utf-8' codec), one segment per '\n'-terminated line (a final newline does not
 * add an empty segment; '\r' is not a line break), each line `rstrip()`ped of Python whitespace.
 */
export function decodeSegments(bytes: Uint8Array, source: string): string[] {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    reportInvalidUtf8(bytes, source);
  }
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map(pyRstrip);
}

/** `decodeSegments` of a file on disk. */
export function readSegmentFile(path: string): string[] {
  return decodeSegments(readFileSync(path), path);
}

export interface NamedSegments {
  readonly name: string;
  readonly segments: readonly string[];
}

/** Every reference file must have as many segments as the hypothesis file. */
export function checkSegmentCounts(hyp: NamedSegments, refs: readonly NamedSegments[]): void {
  for (const ref of refs) {
    if (ref.segments.length !== hyp.segments.length) {
      throw new SegmentFileError(
        `${hyp.name} has ${hyp.segments.length} lines but ${ref.name} has ${ref.segments.length}; hypothesis and reference files must have the same number of lines`,
        ref.name,
      );
    }
  }
}

/**
 * sacrebleu `--num-refs N`: each line holds N tab-separated references
 * (`line.split('\t', maxsplit=N - 1)`, so the last one keeps any further tabs). Returns N streams.
 */
export function splitTabbedReferences(lines: readonly string[], numRefs: number, source: string): string[][] {
  const streams: string[][] = Array.from({ length: numRefs }, () => []);
  lines.forEach((line, i) => {
    const fields: string[] = [];
    let start = 0;
    while (fields.length < numRefs - 1) {
      const tab = line.indexOf('\t', start);
      if (tab < 0) break;
      fields.push(line.slice(start, tab));
      start = tab + 1;
    }
    fields.push(line.slice(start));
    if (fields.length !== numRefs) {
      throw new SegmentFileError(`${source}:${i + 1}: expected ${numRefs} tab-separated references, found ${fields.length}`, source, i + 1);
    }
    fields.forEach((f, k) => (streams[k] as string[]).push(f));
  });
  return streams;
}
