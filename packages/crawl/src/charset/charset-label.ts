/**
 * Charset labels resolve as the WHATWG Encoding Standard says (`latin1`, `ascii` and `iso-8859-1`
 * are windows-1252, `gb2312` is gbk, `sjis` is shift_jis, …). Node's TextDecoder (full ICU) knows
 * that label table, so it is the table: `new TextDecoder(label).encoding` is the canonical name.
 * Labels it rejects — unknown ones, and the "replacement" family (iso-2022-kr, hz-gb-2312), whose
 * only WHATWG decoding is a single U+FFFD — resolve to null, and the caller falls back.
 */
export function resolveCharset(label: string): string | null {
  const trimmed = label.trim().replace(/^["']|["']$/g, '');
  if (!trimmed) return null;
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type value (quoted or not), or null. */
export function contentTypeCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i.exec(contentType);
  const value = match?.[1]?.replace(/^"|"$/g, '').trim();
  return value ? value : null;
}
