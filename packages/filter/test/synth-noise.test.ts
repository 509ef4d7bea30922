import {
  allocatePages,
  bcp47,
  contactLanguage,
  DEFAULT_MIX,
  homoglyphs,
  labelText,
  legacyFontDevanagari,
  mojibake,
  PAGE_KINDS,
  relatedLanguages,
  truthText,
  validateMix,
  type TruthRow,
} from '../src/synth/index.js';

describe('synthetic noise', () => {
  it('makes mojibake the way a Latin-1 round trip does, and agrees with the WHATWG windows-1252 decoder', () => {
    expect(mojibake('café', 'windows-1252')).toBe('cafÃ©');
    expect(mojibake('it’s', 'windows-1252')).toBe('itâ€™s');
    expect(mojibake('it’s', 'latin-1')).toBe('itâ\u0080\u0099s');
    const text = 'Усі люди — मानव अधिकार, “ɓ ɗ ƙ”';
    const decoder = new TextDecoder('windows-1252');
    // A streaming decode goes through ICU and follows the standard (the one-shot path may not: nodejs/node#60888).
    const whatwg = decoder.decode(Buffer.from(text, 'utf8'), { stream: true }) + decoder.decode();
    expect(mojibake(text, 'windows-1252')).toBe(whatwg);
    expect(mojibake('plain ASCII', 'windows-1252')).toBe('plain ASCII');
  });

  it('writes Devanagari as a Kruti Dev-style legacy font: Latin letters, short i and reph reordered', () => {
    expect(legacyFontDevanagari('मानव अधिकार')).toBe('ekuo vf/kdkj');
    expect(legacyFontDevanagari('स्थिति')).toBe('fLFkfr');
    expect(legacyFontDevanagari('धर्म')).toBe('/keZ');
    expect(legacyFontDevanagari('क्षेत्र।')).toBe('{ks=A');
    expect(legacyFontDevanagari('हिंदी 2024')).toBe('fganh 2024');
    expect(legacyFontDevanagari('सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।')).not.toMatch(/\p{Script=Devanagari}/u);
  });

  it('swaps letters for look-alikes of another script', () => {
    const latin = homoglyphs('Copy shop', 'Latn');
    expect(latin).toBe('Сору ѕһор');
    expect(latin).not.toMatch(/[a-z]/i);
    expect(homoglyphs('Ваша мова', 'Cyrl')).toBe('Baшa мoвa');
    expect(() => homoglyphs('नमस्ते', 'Deva')).toThrow('no homoglyph table for script Deva');
  });

  it('names related and contact languages from the hand lists', () => {
    const available = new Set(['mai_Deva', 'bho_Deva', 'hin_Deva', 'eng_Latn', 'srp_Cyrl', 'srp_Latn', 'hrv_Latn', 'bam_Latn', 'fra_Latn', 'bel_Cyrl', 'rus_Cyrl']);
    expect(relatedLanguages('mai_Deva', available)).toEqual(['bho_Deva', 'hin_Deva']);
    // Same script first, then list order.
    expect(relatedLanguages('zho_Hans', new Set(['yue_Hant', 'zho_Hant', 'cmn_Hans']))).toEqual(['cmn_Hans', 'yue_Hant', 'zho_Hant']);
    expect(relatedLanguages('srp_Cyrl', available)).toEqual(['hrv_Latn', 'srp_Latn']);
    expect(relatedLanguages('bam_Latn', available)).toEqual([]);
    expect(contactLanguage('bam_Latn', available)).toBe('fra_Latn');
    expect(contactLanguage('bel_Cyrl', available)).toBe('rus_Cyrl');
    expect(contactLanguage('mai_Deva', available)).toBe('hin_Deva');
    expect(contactLanguage('hin_Deva', available)).toBe('eng_Latn');
    expect(contactLanguage('eng_Latn', available)).toBeUndefined();
  });

  it('declares languages as BCP 47 with the script only when it is not the likely one', () => {
    expect(bcp47('bam_Latn')).toBe('bm');
    expect(bcp47('mai_Deva')).toBe('mai');
    expect(bcp47('srp_Cyrl')).toBe('sr');
    expect(bcp47('srp_Latn')).toBe('sr-Latn');
  });

  it('allocates page kinds by largest remainder and rejects bad mixes', () => {
    const counts = allocatePages(20, DEFAULT_MIX);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(20);
    for (const kind of PAGE_KINDS) expect(Math.abs(counts[kind] - 20 * DEFAULT_MIX[kind])).toBeLessThan(1);
    expect(allocatePages(7, validateMix({ 'in-language': 1, mojibake: 1 }))).toMatchObject({ 'in-language': 4, mojibake: 3, short: 0 });
    expect(() => validateMix({ spam: 1 })).toThrow('unknown page kind(s) in mix: spam');
    expect(() => validateMix({ mojibake: -1 })).toThrow('mix weight for mojibake must be a finite number ≥ 0, got -1');
    expect(() => validateMix({ mojibake: 0 })).toThrow('mix weights sum to 0');
  });
});

describe('truth join by text', () => {
  const row: TruthRow = {
    id: '<urn:uuid:00000000-0000-5000-8000-000000000000>',
    url: 'https://example.test/ha/1.html',
    file: 'synth-00000.warc.gz',
    offset: 0,
    about: 'hau_Latn',
    claims: { htmlLang: 'ha', urlLang: 'ha', contentLanguage: null },
    kind: 'foreign-boilerplate',
    lang: 'hau_Latn',
    noise: null,
    chromeLang: 'eng_Latn',
    sentences: [
      { text: 'Labarin yau', role: 'title', lang: 'hau_Latn' },
      { text: 'Ana sa ran za a samu ruwan sama mai yawa. Manoma sun yi murna.', role: 'main', lang: 'hau_Latn', p: 0 },
      { text: 'Subscribe to our newsletter to receive the latest news.', role: 'boilerplate', lang: 'eng_Latn', p: 1 },
      { text: 'Privacy policy', role: 'chrome', lang: 'eng_Latn' },
    ],
  };

  it('labels a sentence, a piece of one, a paragraph of several and a cut across two', () => {
    expect(labelText(row, 'Labarin yau')).toEqual({ role: 'title', lang: 'hau_Latn', match: 'exact' });
    expect(labelText(row, '  Manoma sun\u00a0yi murna. ')).toEqual({ role: 'main', lang: 'hau_Latn', match: 'part' });
    expect(labelText(row, 'Ana sa ran za a samu ruwan sama mai yawa. Manoma sun yi murna. Subscribe to our newsletter to receive the latest news.')).toEqual({
      role: 'main',
      lang: 'hau_Latn',
      match: 'spans',
    });
    expect(labelText(row, 'Manoma sun yi murna. Subscribe to our newsletter to')).toEqual({ role: 'boilerplate', lang: 'eng_Latn', match: 'spans' });
    expect(labelText(row, 'Privacy policy')).toEqual({ role: 'chrome', lang: 'eng_Latn', match: 'exact' });
    expect(labelText(row, 'text the page never showed')).toBeUndefined();
    expect(labelText(row, ' \n ')).toBeUndefined();
  });

  it('normalises like the pipeline: NBSP and runs of space collapse, C1 controls go, NFC', () => {
    expect(truthText('a\u00a0\u00a0b \u0081c  e\u0301')).toBe('a b c é');
  });
});
