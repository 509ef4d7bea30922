/**
 * Devanagari as a legacy (non-Unicode) font stores it. Before Unicode fonts were common, Hindi sites
 * and PDFs typed Devanagari with fonts such as Kruti Dev, which draw Devanagari glyphs on ASCII and
 * Latin-1 code points: the page shows Hindi, the text is "ekuo vf/kdkj". Caswell et al. 2020 §3 found
 * such "non-Unicode font" text filling the corpora of unrelated Latin-script languages.
 *
 * This is a Kruti Dev 010-style mapping, not a byte-exact Kruti Dev converter: the common letters,
 * vowel signs and marks take Kruti Dev's keys; a half consonant drops its vertical stroke (`k`) or
 * takes Kruti Dev's half-form key, otherwise it is written with an explicit virama (`~`); the short-i
 * sign (ि, `f`) moves in front of its consonant cluster and a reph (र् before a consonant) becomes `Z`
 * after its syllable, the two reorderings that make such text unreadable to a Unicode reader.
 * Characters outside Devanagari pass through.
 */

const FULL: Record<string, string> = {
  क: 'd', ख: '[k', ग: 'x', घ: '?k', ङ: '³', च: 'p', छ: 'N', ज: 't', झ: '>', ञ: '¥',
  ट: 'V', ठ: 'B', ड: 'M', ढ: '<', ण: '.k', त: 'r', थ: 'Fk', द: 'n', ध: '/k', न: 'u',
  प: 'i', फ: 'Q', ब: 'c', भ: 'Hk', म: 'e', य: ';', र: 'j', ल: 'y', ळ: 'G', व: 'o',
  श: "'k", ष: '"k', स: 'l', ह: 'g',
};

/** Kruti Dev's own half forms; other consonants ending in the stroke `k` drop it. */
const HALF: Record<string, string> = { क: 'D', ग: 'X', च: 'P', ज: 'T', त: 'R', न: 'U', प: 'I', ब: 'C', म: 'E', य: '¸', ल: 'Y', व: 'O', स: 'L' };

/** Conjuncts with their own glyph. */
const CONJUNCTS: Record<string, string> = { 'क्ष': '{k', 'त्र': '=', 'ज्ञ': 'K', 'श्र': 'J' };

const INDEPENDENT_VOWELS: Record<string, string> = {
  अ: 'v', आ: 'vk', इ: 'b', ई: 'bZ', उ: 'm', ऊ: 'Å', ऋ: '_', ए: ',', ऐ: ',s', ओ: 'vks', औ: 'vkS', ऑ: 'vkW',
};

const VOWEL_SIGNS: Record<string, string> = {
  'ा': 'k', 'ी': 'h', 'ु': 'q', 'ू': 'w', 'ृ': '`', 'े': 's', 'ै': 'S', 'ॉ': 'kW', 'ो': 'ks', 'ौ': 'kS', 'ॅ': 'W',
};
const SHORT_I = 'ि';
const VIRAMA = '्';
const NUKTA = '़';
const RA = 'र';

const MARKS: Record<string, string> = { 'ं': 'a', 'ँ': '¡', 'ः': '%', '।': 'A', '॥': 'AA', 'ॐ': '¬', [NUKTA]: '+', [VIRAMA]: '~' };

const isConsonant = (ch: string | undefined): boolean => ch !== undefined && FULL[ch] !== undefined;

function half(consonant: string): string {
  const own = HALF[consonant];
  if (own !== undefined) return own;
  const full = FULL[consonant] as string;
  return full.length > 1 && full.endsWith('k') ? full.slice(0, -1) : `${full}~`;
}

/** `text` as a Kruti Dev-style legacy font encodes it (see the file comment). */
export function legacyFontDevanagari(text: string): string {
  const chars = Array.from(text.normalize('NFD'));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (!isConsonant(ch)) {
      const digit = ch >= '०' && ch <= '९' ? String(ch.charCodeAt(0) - 0x0966) : undefined;
      out += digit ?? INDEPENDENT_VOWELS[ch] ?? VOWEL_SIGNS[ch] ?? MARKS[ch] ?? (ch === SHORT_I ? 'f' : ch);
      i++;
      continue;
    }
    // A reph: र + virama + consonant is written after the syllable.
    let reph = false;
    if (ch === RA && chars[i + 1] === VIRAMA && isConsonant(chars[i + 2])) {
      reph = true;
      i += 2;
    }
    // The cluster: (consonant nukta? virama)* consonant nukta?
    const parts: string[] = [];
    for (;;) {
      const c = chars[i] as string;
      const nukta = chars[i + 1] === NUKTA;
      i += nukta ? 2 : 1;
      const conjunct = chars[i] === VIRAMA ? CONJUNCTS[`${c}${VIRAMA}${chars[i + 1] ?? ''}`] : undefined;
      if (conjunct !== undefined) {
        i += 2;
        parts.push(conjunct);
      } else parts.push(`${FULL[c] as string}${nukta ? '+' : ''}`);
      if (chars[i] === VIRAMA && isConsonant(chars[i + 1])) {
        const last = parts.pop() as string;
        parts.push(conjunct === undefined && !nukta ? half(c) : `${last}~`);
        i++;
        continue;
      }
      break;
    }
    let before = '';
    let after = '';
    if (chars[i] === VIRAMA) {
      after += '~';
      i++;
    } else if (chars[i] === SHORT_I) {
      before = 'f';
      i++;
    } else if (chars[i] !== undefined && VOWEL_SIGNS[chars[i] as string] !== undefined) {
      after += VOWEL_SIGNS[chars[i] as string];
      i++;
    }
    out += `${before}${parts.join('')}${after}${reph ? 'Z' : ''}`;
  }
  return out;
}
