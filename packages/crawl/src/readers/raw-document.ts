import type { DamageKind } from './damage.js';

export type InputFormat = 'warc' | 'arc' | 'jsonl' | 'json' | 'text';

/** One content record of any input format, before decoding and text extraction. */
export interface RawDocument {
  path: string;
  format: InputFormat;
  /**
   * Stable across runs: the WARC-Record-ID when there is one, else `path#offset` (archives and
   * text blocks; `path#offset+inner` inside a shared gzip member) or `path#record` (JSON).
   */
  id: string;
  url?: string;
  date?: string;
  /** Byte offset of the record (the gzip member's offset for compressed input). */
  offset?: number;
  /** JSONL: 1-based line number; JSON array: 0-based index. */
  record?: number;
  /** WARC-Type (or the ARC record type). */
  warcType?: string;
  httpStatus?: number;
  /** Media type of the payload, lower case, without parameters. */
  contentType: string;
  /** The full Content-Type value whose charset parameter decoding should honour. */
  contentTypeHeader?: string;
  /** Language the source claims: WARC-Identified-Content-Language, HTTP Content-Language, or a JSON `lang`/`language` field. */
  headerLanguage?: string;
  /** Payload bytes to decode (archives, text blocks). */
  body?: Buffer;
  /** Already-decoded text (JSON). */
  text?: string;
  /** For `text`: bytes of ill-formed UTF-8 the JSON line held (replaced by U+FFFD). */
  invalidBytes?: number;
  /** JSON records: the record's own `id` field, kept as provenance (it need not be unique across files). */
  sourceId?: string;
  /** Set when the record was damaged and kept anyway. */
  damage?: DamageKind;
}
