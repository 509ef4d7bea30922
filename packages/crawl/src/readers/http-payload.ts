import zlib from 'node:zlib';
import { parseHeaderFields, type HeaderFields } from './header-fields.js';

export interface HttpResponse {
  status: number;
  headers: HeaderFields;
  /** The entity after transfer and content decoding (or the raw bytes where decoding failed). */
  payload: Buffer;
}

const LF = 0x0a;

/** Index just past the blank line ending a header block (CRLF or bare LF, as lenient peers accept), or -1. */
export function headerBlockEnd(bytes: Buffer, from = 0): number {
  for (let i = bytes.indexOf(LF, from); i >= 0; i = bytes.indexOf(LF, i + 1)) {
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === LF) return i + 3;
  }
  return -1;
}

/**
 * The HTTP response inside a WARC `response`/`revisit` block or an ARC record: status line,
 * headers, then the payload, de-chunked and content-decoded like warcio's `content_stream()`.
 * Null when the block does not start with an HTTP status line.
 */
export function parseHttpResponse(block: Buffer, maxPayloadBytes: number): HttpResponse | null {
  if (block.length < 12 || block.toString('latin1', 0, 5) !== 'HTTP/') return null;
  const end = headerBlockEnd(block);
  const headText = block.toString('latin1', 0, end < 0 ? block.length : end);
  const lines = headText.split('\n');
  const status = Number.parseInt(lines[0]!.split(' ')[1] ?? '', 10);
  if (!Number.isInteger(status)) return null;
  const headers = parseHeaderFields(lines.slice(1));
  let payload = end < 0 ? block.subarray(block.length) : block.subarray(end);
  if ((headers.get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) payload = dechunk(payload);
  const encoding = headers.get('content-encoding');
  if (encoding) payload = decodeContentEncoding(payload, encoding, maxPayloadBytes);
  return { status, headers, payload };
}

/**
 * Chunked transfer decoding (RFC 9112 §7.1) with warcio's tolerance: a payload whose first chunk
 * header is not valid is not chunked after all and is returned as is; a chunk size that turns out
 * wrong later keeps the chunks decoded so far and the rest raw.
 */
export function dechunk(payload: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = payload.indexOf(LF, at);
    const sizeText = lineEnd < 0 ? '' : payload.toString('latin1', at, lineEnd).split(';')[0]!.trim();
    const size = /^[0-9a-fA-F]{1,8}$/.test(sizeText) ? Number.parseInt(sizeText, 16) : Number.NaN;
    if (Number.isNaN(size)) break;
    if (size === 0) return Buffer.concat(chunks);
    const dataEnd = lineEnd + 1 + size;
    if (dataEnd > payload.length || payload[dataEnd] !== 0x0d || payload[dataEnd + 1] !== LF) {
      if (chunks.length === 0) return payload;
      chunks.push(payload.subarray(lineEnd + 1));
      return Buffer.concat(chunks);
    }
    chunks.push(payload.subarray(lineEnd + 1, dataEnd));
    at = dataEnd + 2;
  }
  if (chunks.length === 0) return payload;
  chunks.push(payload.subarray(at));
  return Buffer.concat(chunks);
}

/**
 * Undoes Content-Encoding (gzip, deflate — zlib-wrapped or raw, as browsers accept — and br),
 * last applied first. Truncated streams give what they hold; undecodable ones are returned raw,
 * since a mislabelled identity payload is common in crawls.
 */
export function decodeContentEncoding(payload: Buffer, header: string, maxOutputLength: number): Buffer {
  const codings = header
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity' && c !== 'none');
  let data = payload;
  for (const coding of codings.reverse()) {
    const decoded = decodeOne(data, coding, maxOutputLength);
    if (!decoded) return payload;
    data = decoded;
  }
  return data;
}

function decodeOne(data: Buffer, coding: string, maxOutputLength: number): Buffer | null {
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength };
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.gunzipSync(data, lenient);
      case 'deflate':
        return data[0] !== undefined && (data[0] & 0x0f) === 8 ? zlib.inflateSync(data, lenient) : zlib.inflateRawSync(data, lenient);
      case 'br':
        return zlib.brotliDecompressSync(data, { maxOutputLength });
      default:
        return null;
    }
  } catch {
    return null;
  }
}
