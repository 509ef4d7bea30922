/**
 * ARC record header lines (Internet Archive ARC file format, versions 1 and 2). Fields are read
 * from the right, because URLs in real ARC files contain spaces (warcio's space-in-url.arc).
 */
export interface ArcHeader {
  uri: string;
  ipAddress: string;
  archiveDate: string;
  contentType: string;
  /** The length field as written; not validated here, so a record with a bad length is still a record. */
  length: string;
  /** v2 only: result code, checksum, location, offset, filename. */
  extra?: Record<string, string>;
}

const DATE = /^\d{12,18}$/;
const V2_EXTRA = ['result-code', 'checksum', 'location', 'offset', 'filename'] as const;

export function parseArcHeaderLine(line: string): ArcHeader | null {
  const fields = line.trimEnd().split(' ');
  if (fields.length >= 10 && DATE.test(fields[fields.length - 8]!)) {
    const tail = fields.splice(fields.length - 9);
    const extra = Object.fromEntries(V2_EXTRA.map((name, i) => [name, tail[3 + i]!]));
    return { uri: fields.join(' '), ipAddress: tail[0]!, archiveDate: tail[1]!, contentType: tail[2]!, length: tail[8]!, extra };
  }
  if (fields.length < 5 || !DATE.test(fields[fields.length - 3]!)) return null;
  const tail = fields.splice(fields.length - 4);
  const uri = fields.join(' ');
  if (!uri.includes(':')) return null;
  return { uri, ipAddress: tail[0]!, archiveDate: tail[1]!, contentType: tail[2]!, length: tail[3]! };
}

/** ARC dates are 14-digit UTC timestamps (longer in some writers); ISO 8601 as WARC-Date writes them. */
export function arcDateToIso(date: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
}
