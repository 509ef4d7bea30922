/** sacrebleu `TokenizerChar`: every code point becomes a token (combining marks included). */
export function tokenizeChar(line: string): string {
  return Array.from(line).join(' ');
}
