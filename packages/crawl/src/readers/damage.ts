/**
 * Damage found while reading an input: reported, counted and skipped, never thrown, so one bad
 * member or line costs one record and not the whole file (warcio counts these as `err_count`).
 */
export type DamageKind =
  /** A gzip member ends before its trailer, at the end of the file. */
  | 'gzip_truncated'
  /** A gzip member whose deflate data, CRC-32 or length trailer is wrong. */
  | 'gzip_corrupt'
  /** Bytes that belong to no gzip member or record (between members, between records, or instead of a header). */
  | 'garbage'
  /** A record cut short by the end of the file (or of its gzip member). */
  | 'truncated'
  /** A record's Content-Length (or ARC length) disagrees with where the next record starts. */
  | 'length_mismatch'
  /** A record header that cannot be parsed: no Content-Length, an invalid length, no end of the header block. */
  | 'bad_header'
  /** A JSON line or array that does not parse. */
  | 'bad_json'
  /** A JSON record without a string `text` or `content` field. */
  | 'bad_record'
  /** An input file that does not exist. */
  | 'missing'
  /** An input file that exists but cannot be opened or read. */
  | 'unreadable';

export interface Damage {
  path: string;
  /** Byte offset in the file where the damage starts (a gzip member's offset for compressed input). */
  offset: number;
  kind: DamageKind;
  message: string;
  /** 1-based line number, for line-oriented formats (JSONL). */
  line?: number;
}
