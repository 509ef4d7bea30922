/**
 * Mojibake as the web makes it: UTF-8 bytes read as a single-byte charset, and the resulting characters
 * saved again as UTF-8 (a CMS that assumed Latin-1 input, a database column declared latin1). "é" becomes
 * "Ã©", "’" becomes "â€™", and every non-Latin script becomes runs of Ã, Â, à and symbols.
 */

export const MOJIBAKE_CHARSETS = ['windows-1252', 'latin-1'] as const;
export type MojibakeCharset = (typeof MOJIBAKE_CHARSETS)[number];

/**
 * WHATWG index-windows-1252 for bytes 0x80–0x9F (the rest is Latin-1). Written out rather than taken
 * from TextDecoder: Node ≥20.18.3 decodes windows-1252 as Latin-1 on its one-shot path (nodejs/node#60888).
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D map to the C1 controls of the same value.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** `text` encoded as UTF-8 and decoded as `charset`. C1 controls stay in: crawl.normalize removes them, as it would in a real page. */
export function mojibake(text: string, charset: MojibakeCharset): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += charset === 'windows-1252' && byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
}
