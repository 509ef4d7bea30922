/**
 * Text in the wrong script with the right look: letters replaced by their look-alikes from another
 * script (Unicode TR39 confusables). Cyrillic typed on a Latin keyboard layout or in a Latin-only font
 * comes out as Latin "a e o p c x y"; spam obfuscates Latin words with Cyrillic look-alikes to slip past
 * keyword filters. Either way the page looks like X and is not X in any usable form (Caswell et al. 2020
 * §3, "creative use of Unicode").
 */

/** Latin letter → Cyrillic look-alike (TR39 confusables.txt, letters whose glyphs are identical in common fonts). */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', j: 'ј', o: 'о', p: 'р', s: 'ѕ', x: 'х', y: 'у', h: 'һ', d: 'ԁ',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', J: 'Ј', K: 'К', M: 'М', O: 'О', P: 'Р', S: 'Ѕ', T: 'Т', X: 'Х', Y: 'Ү',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]));
const GREEK_TO_LATIN: Record<string, string> = {
  ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', υ: 'u', α: 'a',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const TABLES: Record<string, Record<string, string>> = { Latn: LATIN_TO_CYRILLIC, Cyrl: CYRILLIC_TO_LATIN, Grek: GREEK_TO_LATIN };

/** Whether text in `script` has look-alikes in another script. */
export function hasHomoglyphs(script: string): boolean {
  return TABLES[script] !== undefined;
}

/** Every letter of `text` that has a look-alike replaced by it (`script` is the text's own ISO 15924 script). */
export function homoglyphs(text: string, script: string): string {
  const table = TABLES[script];
  if (!table) throw new RangeError(`no homoglyph table for script ${script}`);
  return Array.from(text.normalize('NFC'), (ch) => table[ch] ?? ch).join('');
}
