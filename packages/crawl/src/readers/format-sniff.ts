import type { InputFormat } from './raw-document.js';

/**
 * The format of a file from its first (decompressed) bytes: `WARC/` starts a WARC file,
 * `filedesc://` an ARC file (its version record comes first), `[` a JSON array, `{` JSON Lines;
 * anything else is text. A byte-order mark and leading whitespace are skipped.
 */
export function sniffFormat(head: Buffer): InputFormat {
  let text = head.toString('latin1', 0, Math.min(head.length, 64));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.trimStart();
  if (/^WARC\/\d/.test(text)) return 'warc';
  if (text.startsWith('filedesc://')) return 'arc';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'jsonl';
  return 'text';
}
