import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TagError,
  UND,
  formatTag,
  isValidTag,
  languageCode,
  languageInfo,
  languages,
  likelyScript,
  macrolanguageOf,
  membersOf,
  parseTag,
  scriptInfo,
  scripts,
} from '../src/tags/index.js';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..');

test('knows every ISO 639-3 code and every ISO 15924 script', () => {
  const all = languages();
  expect(all.length).toBeGreaterThanOrEqual(7900);
  expect(new Set(all.map((language) => language.code)).size).toBe(all.length);
  expect(all.every((language) => /^[a-z]{3}$/.test(language.code))).toBe(true);
  expect(scripts().length).toBeGreaterThanOrEqual(200);
  // Codes ISO 639-3 added after the iso-639-3 snapshot come from the IANA registry.
  expect(languageInfo('tok')).toMatchObject({ code: 'tok', name: 'Toki Pona', scope: 'individual', type: undefined, scripts: ['Latn'] });
});

test('languageInfo gives names, scope, type, ISO 639-1/-2 codes and likely scripts', () => {
  expect(languageInfo('hau')).toEqual({
    code: 'hau',
    name: 'Hausa',
    scope: 'individual',
    type: 'living',
    iso6391: 'ha',
    iso6392B: 'hau',
    iso6392T: 'hau',
    scripts: ['Latn', 'Arab'],
    retired: false,
  });
  expect(languageInfo('chi')).toEqual({
    code: 'zho',
    name: 'Chinese',
    scope: 'macrolanguage',
    type: 'living',
    iso6391: 'zh',
    iso6392B: 'chi',
    iso6392T: 'zho',
    scripts: ['Hans', 'Hant'],
    retired: false,
    representative: 'cmn',
  });
  expect(languageInfo('FR')?.code).toBe('fra');
  expect(languageInfo('ger')?.code).toBe('deu');
  expect(languageInfo('und')).toMatchObject({ scope: 'special', type: 'special', scripts: ['Zyyy'] });
  expect(languageInfo('lat')?.type).toBe('ancient');
  expect(languageInfo('grc')?.type).toBe('historical');
  expect(languageInfo('xx')).toBeUndefined();
  expect(languageCode('per')).toBe('fas');
  expect(languageCode('klingon')).toBeUndefined();
});

test('retired codes stay known, with their replacement', () => {
  // FLORES-200 tags South Levantine Arabic ajp_Arab; ISO 639-3 merged ajp into apc in 2023.
  expect(languageInfo('ajp')).toMatchObject({ retired: true, replacedBy: 'apc', macrolanguage: 'ara', scripts: ['Arab'] });
  expect(languageInfo('bij')).toMatchObject({ retired: true });
  expect(languageInfo('bij')?.replacedBy).toBeUndefined();
});

test('likely scripts follow CLDR, with FLORES-200 naming Korean Hang', () => {
  const defaults = Object.fromEntries(
    ['srp', 'zho', 'cmn', 'yue', 'hin', 'urd', 'pan', 'uzb', 'uzn', 'kaz', 'aze', 'jpn', 'kor', 'ara', 'rus'].map((code) => [
      code,
      languageInfo(code)?.scripts,
    ]),
  );
  expect(defaults).toEqual({
    srp: ['Cyrl', 'Latn'],
    zho: ['Hans', 'Hant'],
    cmn: ['Hans', 'Hant'],
    yue: ['Hant', 'Hans'],
    hin: ['Deva'],
    urd: ['Arab'],
    pan: ['Guru', 'Arab'],
    uzb: ['Latn', 'Cyrl', 'Arab'],
    uzn: ['Latn', 'Cyrl', 'Arab'],
    kaz: ['Cyrl', 'Arab'],
    aze: ['Latn', 'Arab', 'Cyrl'],
    jpn: ['Jpan'],
    kor: ['Hang', 'Kore'],
    ara: ['Arab'],
    rus: ['Cyrl'],
  });
  expect(likelyScript('zho', 'TW')).toBe('Hant');
  expect(likelyScript('zh', 'hk')).toBe('Hant');
  expect(likelyScript('zho', 'CN')).toBe('Hans');
  expect(likelyScript('srp', 'ME')).toBe('Latn');
  expect(likelyScript('uzb', 'AF')).toBe('Arab');
  expect(likelyScript('pan', 'PK')).toBe('Arab');
  expect(likelyScript('eng')).toBe('Latn');
  expect(likelyScript('xyz')).toBeUndefined();
});

test('macrolanguage membership comes from the registry', () => {
  const exact = Object.fromEntries(['fas', 'est', 'lav', 'swa', 'aze', 'uzb', 'mon', 'nor', 'kur', 'hbs'].map((macro) => [macro, membersOf(macro)]));
  expect(exact).toEqual({
    fas: ['pes', 'prs'],
    est: ['ekk', 'vro'],
    lav: ['ltg', 'lvs'],
    swa: ['swc', 'swh'],
    aze: ['azb', 'azj'],
    uzb: ['uzn', 'uzs'],
    mon: ['khk', 'mvf'],
    nor: ['nno', 'nob'],
    kur: ['ckb', 'kmr', 'sdh'],
    hbs: ['bos', 'cnr', 'hrv', 'srp'],
  });
  expect(membersOf('zho')).toHaveLength(19);
  expect(membersOf('zh')).toEqual(expect.arrayContaining(['cmn', 'yue', 'nan', 'wuu', 'hak']));
  expect(membersOf('ara')).toHaveLength(29);
  expect(membersOf('ara')).toEqual(expect.arrayContaining(['arb', 'ary', 'arz', 'apc', 'ajp']));
  expect(membersOf('msa')).toEqual(expect.arrayContaining(['zsm', 'ind', 'min', 'bjn']));
  expect(membersOf('grn')).toEqual(['gnw', 'gug', 'gui', 'gun', 'nhd']);
  expect(membersOf('que')).toHaveLength(43);
  expect(membersOf('eng')).toEqual([]);
  expect(membersOf('nope')).toEqual([]);
  expect(macrolanguageOf('cmn')).toBe('zho');
  expect(macrolanguageOf('ind')).toBe('msa');
  expect(macrolanguageOf('id')).toBe('msa');
  expect(macrolanguageOf('nob')).toBe('nor');
  expect(macrolanguageOf('eng')).toBeUndefined();
  expect(macrolanguageOf('zho')).toBeUndefined();
  // CLDR's representative individual language of each macrolanguage.
  expect(['zho', 'ara', 'msa', 'fas', 'swa', 'est', 'aka'].map((macro) => languageInfo(macro)?.representative)).toEqual([
    'cmn',
    'arb',
    'zsm',
    'pes',
    'swh',
    'ekk',
    undefined,
  ]);
});

test('scriptInfo gives name, numeric code and Unicode alias', () => {
  expect(scriptInfo('Latn')).toEqual({ code: 'Latn', name: 'Latin', numeric: '215', unicodeAlias: 'Latin' });
  expect(scriptInfo('cyrl')).toEqual({ code: 'Cyrl', name: 'Cyrillic', numeric: '220', unicodeAlias: 'Cyrillic' });
  expect(scriptInfo('Hans')).toEqual({ code: 'Hans', name: 'Han (Simplified variant)', numeric: '501' });
  expect(scriptInfo('Zyyy')).toEqual({ code: 'Zyyy', name: 'Code for undetermined script', numeric: '998', unicodeAlias: 'Common' });
  expect(scriptInfo('Qabx')).toEqual({ code: 'Qabx', name: 'Reserved for private use', numeric: '949' });
  expect(scriptInfo('Qaby')).toBeUndefined();
  expect(scriptInfo('Xyzz')).toBeUndefined();
  expect(scriptInfo('Lat')).toBeUndefined();
});

test('parseTag, formatTag and isValidTag take canonical tags only', () => {
  expect(UND).toBe('und_Zyyy');
  expect(parseTag('hau_Latn')).toEqual({ language: 'hau', script: 'Latn' });
  expect(parseTag(UND)).toEqual({ language: 'und', script: 'Zyyy' });
  expect(formatTag({ language: 'srp', script: 'Cyrl' })).toBe('srp_Cyrl');
  expect(['hau_Latn', 'zho_Hant', 'ajp_Arab', 'und_Zyyy', 'ace_Arab'].map(isValidTag)).toEqual([true, true, true, true, true]);
  expect(['HAU_latn', 'ha_Latn', 'fre_Latn', 'xxx_Latn', 'hau_Xyzz', 'hau-Latn', 'hau_Latn ', ''].map(isValidTag)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
  expect(() => parseTag('hau-Latn')).toThrow('cannot map "hau-Latn" to a language tag: not of the form xxx_Xxxx (use toTag for other spellings)');
  expect(() => parseTag('xxx_Latn')).toThrow('unknown ISO 639-3 code "xxx"');
  expect(() => parseTag('fre_Latn')).toThrow('unknown ISO 639-3 code "fre"');
  expect(() => formatTag({ language: 'hau', script: 'Xyzz' })).toThrow(TagError);
  expect(() => formatTag({ language: 'hau', script: 'Xyzz' })).toThrow('cannot map "hau_Xyzz" to a language tag: unknown ISO 15924 script "Xyzz"');
});

test('the committed tables are what the generator builds from the registry packages', () => {
  const output = execFileSync(process.execPath, [join(coreDir, 'scripts', 'build-tag-tables.mjs'), '--check'], { encoding: 'utf8' });
  expect(output.trim()).toBe('tag tables are up to date');
});
