import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { detect } from 'chardet';
import { contentTypeCharset, resolveCharset } from './charset-label.js';
import { prescanMetaCharset } from './meta-prescan.js';
import { countInvalidUtf8Bytes } from './utf8-validity.js';

export type CharsetSource = 'bom' | 'http' | 'meta' | 'detected' | 'default';

export interface DecodeOptions {
  /** The HTTP (or record) Content-Type value; its charset parameter is the second source consulted. */
  contentTypeHeader?: string;
  /** Look for <meta charset> / http-equiv declarations (HTML payloads only). */
  htmlSniff: boolean;
  /**
   * Bytes the meta prescan reads. WHATWG recommends at least 1024; real pages put long scripts
   * and styles before their <meta>, which browsers still honour from the tokenizer, so 4096.
   */
  prescanBytes?: number;
  /** Used when nothing is declared and the bytes are not UTF-8: WHATWG's default for most locales. */
  fallback?: string;
  /**
   * Undeclared bytes are still read as UTF-8 when at most this share of their non-ASCII bytes is
   * ill-formed: a record cut mid-character, or a stray byte, must not turn a UTF-8 page into
   * windows-1252 mojibake, while legacy 8-bit text is almost all ill-formed as UTF-8.
   */
  utf8Tolerance?: number;
  /**
   * How undeclared, non-UTF-8 bytes are read. 'chardet' (ICU's detectors, ported) guessed 23 of 26
   * legacy-encoded UDHR samples (Cyrillic, CJK, Greek, Hebrew, Arabic, Central European) where
   * `fallback` alone got 2, at ~5 ms per 8 KiB sample; 'none' goes straight to `fallback`.
   */
  detector?: 'chardet' | 'none';
  /** Bytes chardet looks at (its cost grows with the sample). */
  detectBytes?: number;
}

export const DEFAULT_DETECT_BYTES = 8192;

export const DEFAULT_UTF8_TOLERANCE = 0.05;

export const DEFAULT_PRESCAN_BYTES = 4096;
export const DEFAULT_FALLBACK_CHARSET = 'windows-1252';

export interface DecodedBody {
  text: string;
  /** WHATWG canonical encoding name (`utf-8`, `windows-1251`, `shift_jis`, …). */
  charset: string;
  source: CharsetSource;
  /**
   * UTF-8: bytes in ill-formed sequences (each maximal subpart became one U+FFFD; U+FFFD that the
   * input spelled validly is not counted). Other encodings: U+FFFD characters the decoder made.
   */
  invalidBytes: number;
  /** A declared label that names no encoding (ignored, and the next source was used). */
  unknownLabel?: string;
  /** A declaration that was overridden because the bytes are valid UTF-8 (see `decodeBody`). */
  overridden?: string;
}

const decoders = new Map<string, TextDecoder>();

function decoderFor(charset: string): TextDecoder {
  let decoder = decoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset);
    decoders.set(charset, decoder);
  }
  return decoder;
}

/**
 * Node 20.18.3+ decodes windows-1252 as Latin-1 in one-shot `decode()` (nodejs/node#60888: 0x92
 * becomes U+0092, not ’); the streaming path is correct, so decode as a stream and flush.
 */
function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/**
 * Decodes a payload in the WHATWG order of precedence: byte-order mark, then the HTTP charset,
 * then a <meta> prescan, then a UTF-8 validity check, then a detector, then the fallback. One deliberate
 * departure: a windows-1252 declaration (which `iso-8859-1`, `latin1` and `ascii` all mean) on
 * bytes that are valid UTF-8 and not pure ASCII is overridden to UTF-8 — servers' default
 * ISO-8859-1 on UTF-8 pages is common, and non-ASCII windows-1252 text that happens to be valid
 * UTF-8 is vanishingly rare, so the override trades a browser quirk for readable text.
 */
export function decodeBody(bytes: Uint8Array, options: DecodeOptions): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) return decodeAs(bytes, bom, 'bom');
  let unknownLabel: string | undefined;
  let utf8: boolean | undefined;
  const validUtf8 = (): boolean => (utf8 ??= isUtf8(bytes));
  const declared = (charset: string, source: CharsetSource): DecodedBody => {
    const result =
      charset === 'windows-1252' && hasNonAscii(bytes) && validUtf8()
        ? { ...decodeAs(bytes, 'utf-8', 'detected', true), overridden: charset }
        : decodeAs(bytes, charset, source, charset === 'utf-8' ? validUtf8() : undefined);
    return unknownLabel === undefined ? result : { ...result, unknownLabel };
  };
  const httpLabel = contentTypeCharset(options.contentTypeHeader);
  if (httpLabel !== null) {
    const charset = resolveCharset(httpLabel);
    if (charset) return declared(charset, 'http');
    unknownLabel = httpLabel;
  }
  if (options.htmlSniff) {
    const meta = prescanMetaCharset(bytes, options.prescanBytes ?? DEFAULT_PRESCAN_BYTES);
    unknownLabel ??= meta.unknownLabel;
    if (meta.charset) return declared(meta.charset, 'meta');
  }
  const result = mostlyUtf8(bytes, validUtf8(), options.utf8Tolerance ?? DEFAULT_UTF8_TOLERANCE)
    ? decodeAs(bytes, 'utf-8', 'detected', utf8)
    : guess(bytes, options);
  return unknownLabel === undefined ? result : { ...result, unknownLabel };
}

function guess(bytes: Uint8Array, options: DecodeOptions): DecodedBody {
  if ((options.detector ?? 'chardet') === 'chardet') {
    const label = detect(bytes.subarray(0, options.detectBytes ?? DEFAULT_DETECT_BYTES));
    const charset = label ? resolveCharset(label) : null;
    // UTF-8 was already ruled out above; chardet names it for short runs of high bytes.
    if (charset && charset !== 'utf-8') return decodeAs(bytes, charset, 'detected');
  }
  return decodeAs(bytes, resolveCharset(options.fallback ?? DEFAULT_FALLBACK_CHARSET) ?? DEFAULT_FALLBACK_CHARSET, 'default');
}

function mostlyUtf8(bytes: Uint8Array, valid: boolean, tolerance: number): boolean {
  if (valid) return true;
  let nonAscii = 0;
  for (const byte of bytes) if (byte >= 0x80) nonAscii++;
  return countInvalidUtf8Bytes(bytes) <= tolerance * nonAscii;
}

function decodeAs(bytes: Uint8Array, charset: string, source: CharsetSource, knownValidUtf8?: boolean): DecodedBody {
  const text = decodeWith(decoderFor(charset), bytes);
  if (charset !== 'utf-8') return { text, charset, source, invalidBytes: countReplacements(text) };
  const valid = knownValidUtf8 ?? isUtf8(bytes);
  return { text, charset, source, invalidBytes: valid ? 0 : countInvalidUtf8Bytes(bytes) };
}
