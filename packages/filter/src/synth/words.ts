/**
 * Word-sized pieces of a sentence, for titles, edits, code-switching and keyword lists. Scripts written
 * without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) are cut into pieces of a few code
 * points instead; that is enough for the noise built from them, which needs no dictionary.
 */

const SPACELESS_SCRIPTS: ReadonlySet<string> = new Set(['Hans', 'Hant', 'Jpan', 'Thai', 'Laoo', 'Khmr', 'Mymr']);

export function isSpaceless(script: string): boolean {
  return SPACELESS_SCRIPTS.has(script);
}

const PIECE = 3;

/** The sentence as pieces that `joinWords` puts back together unchanged. */
export function splitWords(text: string, script: string): string[] {
  if (!isSpaceless(script)) return text.split(' ').filter((w) => w !== '');
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += PIECE) out.push(chars.slice(i, i + PIECE).join(''));
  return out;
}

export function joinWords(words: readonly string[], script: string): string {
  return words.join(isSpaceless(script) ? '' : ' ');
}

const LETTERS = /\p{L}[\p{L}\p{M}]*/gu;

/** Letter-only words of at least `min` code points (pieces of letter runs for spaceless scripts). */
export function letterWords(text: string, script: string, min = 3): string[] {
  const runs = text.match(LETTERS) ?? [];
  if (!isSpaceless(script)) return runs.filter((w) => Array.from(w).length >= min);
  return runs.flatMap((run) => splitWords(run, script)).filter((w) => Array.from(w).length >= Math.min(min, 2));
}
