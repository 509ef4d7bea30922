/**
 * WARC/1.1 records as scripts/build-sample-crawl.mjs writes them: one gzip member per record (as Common
 * Crawl does), SHA-1 block and payload digests in base32, record ids that are UUID v5 of a seeded name,
 * so the same crawl gives the same bytes on the same zlib.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const CRLF = '\r\n';

const sha1 = (bytes: string | Uint8Array): Buffer => createHash('sha1').update(bytes).digest();

// RFC 4648 base32, as WARC-*-Digest `sha1:` values are written (160 bits = 32 symbols, no padding).
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

export const sha1Digest = (bytes: Uint8Array): string => `sha1:${base32(sha1(bytes))}`;

// UUID version 5 (RFC 9562 §5.5: SHA-1 of namespace + name) in the URL namespace.
const UUID_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
/** `<urn:uuid:…>`: a WARC-Record-ID that depends only on `name`. */
export function recordId(name: string): string {
  const h = sha1(Buffer.concat([UUID_NAMESPACE, Buffer.from(name, 'utf8')])).subarray(0, 16);
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `<urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}>`;
}

export const httpDate = (ms: number): string => new Date(ms).toUTCString();
export const warcDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type HeaderField = readonly [string, string | number];

/** One record as one gzip member: the WARC/1.1 header, the block, and the two CRLFs that end a record. */
export function warcRecord(fields: readonly HeaderField[], block: Buffer): Buffer {
  const head = `WARC/1.1${CRLF}${fields.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}`;
  return gzipSync(Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]));
}

/** An HTTP/1.1 GET as a crawler sends it. */
export function requestBlock(url: string, userAgent: string): Buffer {
  const u = new URL(url);
  return Buffer.from(
    [
      `GET ${u.pathname}${u.search} HTTP/1.1`,
      `User-Agent: ${userAgent}`,
      'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'Accept-Language: en-US,en;q=0.5',
      'Accept-Encoding: br,gzip',
      `Host: ${u.host}`,
      'Connection: Keep-Alive',
    ].join(CRLF) +
      CRLF +
      CRLF,
  );
}

/** An HTTP/1.1 200 response: status line, headers, blank line, body. */
export function responseBlock(headers: readonly HeaderField[], body: Buffer): Buffer {
  const head = `HTTP/1.1 200 OK${CRLF}${headers.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), body]);
}

/** A `warcinfo` record's block (application/warc-fields). */
export function warcFields(fields: readonly HeaderField[]): Buffer {
  return Buffer.from(fields.map(([k, v]) => `${k}: ${v}`).join(CRLF) + CRLF, 'utf8');
}
