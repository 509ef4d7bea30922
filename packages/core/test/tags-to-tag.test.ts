import { TagError, sameLanguage, toTag, tryToTag } from '../src/tags/index.js';

const mapped = (inputs: string[], options?: Parameters<typeof toTag>[1]): Record<string, string> =>
  Object.fromEntries(inputs.map((input) => [input, toTag(input, options)]));

test('normalises canonical tags and validates both parts', () => {
  expect(mapped(['hau_Latn', 'HAU_latn', 'zho_hant', 'ajp_Arab', 'und_Zyyy', 'ace_Arab'])).toEqual({
    hau_Latn: 'hau_Latn',
    HAU_latn: 'hau_Latn',
    zho_hant: 'zho_Hant',
    ajp_Arab: 'ajp_Arab',
    und_Zyyy: 'und_Zyyy',
    ace_Arab: 'ace_Arab',
  });
});

test('maps BCP 47 tags, inferring the script from the region with CLDR likely subtags', () => {
  expect(
    mapped([
      'sr-Latn',
      'sr',
      'sr-ME',
      'zh-CN',
      'zh-TW',
      'zh-HK',
      'zh-MO',
      'zh-Hant-HK',
      'zh',
      'pt-BR',
      'en-US',
      'es-419',
      'az-Arab-IR',
      'az-IR',
      'uz-AF',
      'pa-PK',
      'und',
      'und-Latn',
      'zh-yue',
      'zh-yue-HK',
      'yue-CN',
      'ar-arz',
      'en-x-private',
      'de-CH-1996',
      'ko',
      'ja',
      'he',
    ]),
  ).toEqual({
    'sr-Latn': 'srp_Latn',
    sr: 'srp_Cyrl',
    'sr-ME': 'srp_Latn',
    'zh-CN': 'zho_Hans',
    'zh-TW': 'zho_Hant',
    'zh-HK': 'zho_Hant',
    'zh-MO': 'zho_Hant',
    'zh-Hant-HK': 'zho_Hant',
    zh: 'zho_Hans',
    'pt-BR': 'por_Latn',
    'en-US': 'eng_Latn',
    'es-419': 'spa_Latn',
    'az-Arab-IR': 'aze_Arab',
    'az-IR': 'aze_Arab',
    'uz-AF': 'uzb_Arab',
    'pa-PK': 'pan_Arab',
    und: 'und_Zyyy',
    'und-Latn': 'und_Latn',
    'zh-yue': 'yue_Hant',
    'zh-yue-HK': 'yue_Hant',
    'yue-CN': 'yue_Hans',
    'ar-arz': 'arz_Arab',
    'en-x-private': 'eng_Latn',
    'de-CH-1996': 'deu_Latn',
    ko: 'kor_Hang',
    ja: 'jpn_Jpan',
    he: 'heb_Hebr',
  });
});

test('maps ISO 639-1, 639-2/B and 639-3 codes, retired and grandfathered subtags', () => {
  expect(mapped(['en', 'EN', 'fre', 'ger', 'chi', 'per', 'hau', 'cmn', 'iw', 'in', 'mo', 'aam', 'zh-min-nan', 'no-bok', 'sh'])).toEqual({
    en: 'eng_Latn',
    EN: 'eng_Latn',
    fre: 'fra_Latn',
    ger: 'deu_Latn',
    chi: 'zho_Hans',
    per: 'fas_Arab',
    hau: 'hau_Latn',
    cmn: 'cmn_Hans',
    iw: 'heb_Hebr',
    in: 'ind_Latn',
    mo: 'ron_Latn',
    aam: 'aas_Latn',
    'zh-min-nan': 'nan_Hans',
    'no-bok': 'nob_Latn',
    sh: 'hbs_Latn',
  });
});

test('maps fastText labels and underscored locales', () => {
  expect(mapped(['__label__en', '__label__HAU', '__label__eng_Latn', '__label__zh', 'zho_CN', 'zho-CN', 'zh_TW', 'sr_Latn', 'en_US', ' fr \n'])).toEqual({
    __label__en: 'eng_Latn',
    __label__HAU: 'hau_Latn',
    __label__eng_Latn: 'eng_Latn',
    __label__zh: 'zho_Hans',
    zho_CN: 'zho_Hans',
    'zho-CN': 'zho_Hans',
    zh_TW: 'zho_Hant',
    sr_Latn: 'srp_Latn',
    en_US: 'eng_Latn',
    ' fr \n': 'fra_Latn',
  });
});

test('options.script stands in for inference only when the input names no script', () => {
  expect(toTag('sr', { script: 'Latn' })).toBe('srp_Latn');
  expect(toTag('sr', { script: 'latn' })).toBe('srp_Latn');
  expect(toTag('sr-Cyrl', { script: 'Latn' })).toBe('srp_Cyrl');
  expect(toTag('ase', { script: 'Zzzz' })).toBe('ase_Zzzz');
  expect(() => toTag('sr', { script: 'Xyzz' })).toThrow('cannot map "sr" to a language tag: unknown ISO 15924 script "Xyzz" in options');
});

test('macrolanguages are kept unless asked otherwise', () => {
  expect(mapped(['zh', 'ar', 'ms', 'fa', 'cmn', 'yue', 'ind', 'zh-TW'], { macro: 'individual' })).toEqual({
    zh: 'cmn_Hans',
    ar: 'arb_Arab',
    ms: 'zsm_Latn',
    fa: 'pes_Arab',
    cmn: 'cmn_Hans',
    yue: 'yue_Hant',
    ind: 'ind_Latn',
    'zh-TW': 'cmn_Hant',
  });
  // The script comes from the language as given: Cantonese stays traditional when folded into Chinese.
  expect(mapped(['cmn', 'yue', 'arz', 'zsm', 'ind', 'eng', 'zho'], { macro: 'macrolanguage' })).toEqual({
    cmn: 'zho_Hans',
    yue: 'zho_Hant',
    arz: 'ara_Arab',
    zsm: 'msa_Latn',
    ind: 'msa_Latn',
    eng: 'eng_Latn',
    zho: 'zho_Hans',
  });
  expect(toTag('aka', { macro: 'individual' })).toBe('aka_Latn');
});

test('throws a TagError naming the input; tryToTag returns undefined', () => {
  const failures: Record<string, string> = {
    xx_Latn: 'unknown language code "xx"',
    hau_Xyzz: 'unknown ISO 15924 script "Xyzz"',
    klingon: '"klingon" is not an ISO 639 language code',
    '': 'empty',
    '   ': 'empty',
    __label__: 'empty',
    'x-private': '"x" is not an ISO 639 language code',
    zho_abc: '"abc" is not an extlang of "zho"',
    'en-US-!': 'malformed subtag "!"',
    ber: 'unknown language code "ber"',
    tlh: 'no likely script known for "tlh"; name one, e.g. tlh_Latn',
  };
  for (const [input, reason] of Object.entries(failures)) {
    let error: unknown;
    try {
      toTag(input);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TagError);
    expect(error).toMatchObject({ input, reason, message: `cannot map ${JSON.stringify(input)} to a language tag: ${reason}` });
    expect(tryToTag(input)).toBeUndefined();
  }
  expect(tryToTag('zh-TW')).toBe('zho_Hant');
});

test('results are memoised per input and options', () => {
  expect(toTag('zh-TW')).toBe('zho_Hant');
  expect(toTag('zh-TW', { macro: 'individual' })).toBe('cmn_Hant');
  expect(toTag('zh-TW')).toBe('zho_Hant');
  const first = (() => {
    try {
      return toTag('klingon');
    } catch (error) {
      return error;
    }
  })();
  expect(() => toTag('klingon')).toThrow(first as Error);
});

test('sameLanguage compares spellings, optionally folding macrolanguages or ignoring scripts', () => {
  expect(sameLanguage('zh', 'zho_Hans')).toBe(true);
  expect(sameLanguage('zh', 'cmn_Hans')).toBe(false);
  expect(sameLanguage('zh', 'cmn_Hans', { macro: true })).toBe(true);
  expect(sameLanguage('__label__ar', 'arb_Arab', { macro: true })).toBe(true);
  expect(sameLanguage('ary_Arab', 'arb_Arab', { macro: true })).toBe(true);
  expect(sameLanguage('ms', 'zsm_Latn', { macro: true })).toBe(true);
  expect(sameLanguage('eng_Latn', 'en-GB')).toBe(true);
  expect(sameLanguage('zh-TW', 'zho_Hans')).toBe(false);
  expect(sameLanguage('zh-TW', 'zho_Hans', { script: false })).toBe(true);
  expect(sameLanguage('sr', 'srp_Latn')).toBe(false);
  expect(sameLanguage('sr', 'srp_Latn', { script: false })).toBe(true);
  // Languages with no likely script still compare when scripts are ignored.
  expect(sameLanguage('tlh', 'tlh', { script: false })).toBe(true);
  // ISO 639-3 merged ajp into apc: the same language.
  expect(sameLanguage('ajp_Arab', 'apc_Arab')).toBe(true);
  expect(sameLanguage('hau_Latn', 'klingon')).toBe(false);
  expect(sameLanguage('nob', 'nno')).toBe(false);
  expect(sameLanguage('nob', 'nno', { macro: true })).toBe(true);
});
