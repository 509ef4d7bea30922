/**
 * Header fields ("Name: value" lines, RFC 9112 / WARC 1.1 §4) keyed by lower-case name, since
 * both standards make names case-insensitive. Repeated fields are joined with ", " (RFC 9110
 * §5.3); obsolete line folding continues the previous value, as warcio reads it.
 */
export type HeaderFields = Map<string, string>;

export function parseHeaderFields(lines: readonly string[]): HeaderFields {
  const fields: HeaderFields = new Map();
  let last: string | null = null;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) continue;
    if ((line[0] === ' ' || line[0] === '\t') && last !== null) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`.trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      last = null;
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = fields.get(name);
    fields.set(name, previous === undefined ? value : `${previous}, ${value}`);
    last = name;
  }
  return fields;
}

/** The media type of a Content-Type value, lower-cased and without parameters ('' when absent). */
export function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}
