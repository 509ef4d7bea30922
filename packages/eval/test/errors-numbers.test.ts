import { asciiDigits, detectErrors, digitValue, findNumbers, hanNumeralValue, romanNumeralValue, type ErrorItem } from '../src/index.js';

describe('decimal digits of every script', () => {
  it.each([
    ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩'],
    ['Extended Arabic-Indic (Persian, Urdu)', '۰۱۲۳۴۵۶۷۸۹'],
    ['Devanagari', '०१२३४५६७८९'],
    ['Bengali', '০১২৩৪৫৬৭৮৯'],
    ['Thai', '๐๑๒๓๔๕๖๗๘๙'],
    ['Myanmar', '၀၁၂၃၄၅၆၇၈၉'],
    ['Myanmar Shan', '႐႑႒႓႔႕႖႗႘႙'],
    ['Khmer', '០១២៣៤៥៦៧៨៩'],
    ['Tibetan', '༠༡༢༣༤༥༦༧༨༩'],
    ['full-width', '０１２３４５６７８９'],
    ['Adlam (outside the BMP)', '𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙'],
  ])('%s', (_name, digits) => {
    expect(asciiDigits(digits)).toBe('0123456789');
  });

  it('reads the five back-to-back sets of mathematical digits by their own zeros', () => {
    // Bold 𝟎 starts at U+1D7CE; double-struck 𝟘 (U+1D7D8) and monospace 𝟿 (U+1D7FF) follow without a gap.
    expect([0x1d7ce, 0x1d7d7, 0x1d7d8, 0x1d7e1, 0x1d7ff].map((cp) => digitValue(String.fromCodePoint(cp)))).toEqual([0, 9, 0, 9, 9]);
  });

  it('leaves what is not a decimal digit alone', () => {
    expect(digitValue('a')).toBeUndefined();
    expect(digitValue('²')).toBeUndefined();
    expect(digitValue('፩')).toBeUndefined(); // Ethiopic numerals are not positional digits (No, not Nd)
    expect(asciiDigits('x²٣')).toBe('x²3');
  });

  it('reads Han numerals, positional and with units', () => {
    expect(['三', '十五', '二十一', '一百零五', '两千', '三万五千', '一九九八'].map(hanNumeralValue)).toEqual([3, 15, 21, 105, 2000, 35000, 1998]);
  });

  it('reads well-formed Roman numerals of two letters or more', () => {
    expect(['XVII', 'MCMLXXXIV', 'IV', 'XL', 'IIII', 'VX', 'I'].map(romanNumeralValue)).toEqual([17, 1984, 4, 40, undefined, undefined, undefined]);
  });
});

describe('number tokens', () => {
  it('joins grouping and decimal separators of many locales into one number', () => {
    for (const text of ['1,000', '1.000', '1 000', '1\u202F000', '१,०००', '１０００', '1’000']) {
      expect(findNumbers(text).map((n) => n.key)).toEqual(['1000']);
    }
    expect(findNumbers('٣٫١٤')).toEqual([{ start: 0, end: 4, text: '٣٫١٤', groups: ['3', '14'], key: '314' }]);
    expect(findNumbers('1 000 000 people').map((n) => n.groups)).toEqual([['1', '000', '000']]);
  });

  it('keeps apart numbers that only a space separates, and times', () => {
    expect(findNumbers('in 2010 100 people').map((n) => n.key)).toEqual(['2010', '100']);
    expect(findNumbers('at 10:30, room 007').map((n) => [n.key, n.start, n.end])).toEqual([
      ['10', 3, 5],
      ['30', 6, 8],
      ['7', 15, 18],
    ]);
  });
});

describe('number mismatches', () => {
  const flags = (item: ErrorItem) => detectErrors(item, { modes: ['number-mismatch'] });
  const src = 'In 2019, 1,500 people arrived at 10:30.';

  it('accepts the same numbers in another digit system, grouping and time notation', () => {
    expect(flags({ src, hyp: 'في عام ٢٠١٩ وصل ١٥٠٠ شخص في الساعة 10.30.', tgtLang: 'arb_Arab' })).toEqual([]);
    expect(flags({ src, hyp: '२०१९ में, १,५०० लोग १०:३० बजे पहुंचे।', tgtLang: 'hin_Deva' })).toEqual([]);
  });

  it('flags a changed number on both sides, with spans', () => {
    const item = { src, hyp: 'En 2018, 1 500 personnes sont arrivées à 10 h 30.', tgtLang: 'fra_Latn' };
    expect(flags(item).map((f) => [f.span?.side, f.span?.start, f.span?.end, f.evidence, f.severity])).toEqual([
      ['src', 3, 7, { kind: 'changed', number: '2019' }, 'high'],
      ['hyp', 3, 7, { kind: 'changed', number: '2018' }, 'high'],
    ]);
  });

  it('takes a lone small number for a spelled-out one, but flags a small number that changed', () => {
    expect(flags({ src: 'I have 3 cats.', hyp: "J'ai trois chats.", tgtLang: 'fra_Latn' })).toEqual([]);
    expect(flags({ src: 'I have three cats.', hyp: "J'ai 3 chats.", tgtLang: 'fra_Latn' })).toEqual([]);
    const changed = flags({ src: 'I have 3 cats.', hyp: "J'ai 4 chats.", tgtLang: 'fra_Latn' });
    expect(changed.map((f) => [f.evidence?.['number'], f.severity, f.confidence])).toEqual([
      ['3', 'medium', 0.5],
      ['4', 'medium', 0.5],
    ]);
  });

  it('flags a lost large number, and accepts one written in Han or Roman numerals', () => {
    expect(flags({ src: 'The tower is 324 metres tall.', hyp: 'La tour est haute.', tgtLang: 'fra_Latn' }).map((f) => f.message)).toEqual(['the number 324 is missing from the output']);
    expect(flags({ src: 'I bought 15 apples.', hyp: '我买了十五个苹果。', tgtLang: 'zho_Hans' })).toEqual([]);
    expect(flags({ src: 'I bought 15 apples.', hyp: '我买了16个苹果。', tgtLang: 'zho_Hans' })).toHaveLength(2);
    expect(flags({ src: 'It dates from the 17th century.', hyp: 'Risale al XVII secolo.', tgtLang: 'ita_Latn' })).toEqual([]);
  });

  it('does not count an output number that the reference has too, or digits inside links', () => {
    const item = { src: 'About 300 people came.', hyp: 'Entre 300 et 350 personnes sont venues.', tgtLang: 'fra_Latn' };
    expect(flags(item).map((f) => f.evidence?.['number'])).toEqual(['350']);
    expect(flags({ ...item, ref: 'Entre 300 et 350 personnes sont venues.' })).toEqual([]);
    expect(flags({ src: 'See https://example.org/page-2024 now.', hyp: 'Voir https://example.org/page-2024 maintenant.', tgtLang: 'fra_Latn' })).toEqual([]);
  });
});
