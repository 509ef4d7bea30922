import { TagError } from '@ntl/core';
import { labelResolver } from '../src/eval/label-match.js';

const FLORES_LIKE = ['arb_Arab', 'ary_Arab', 'ajp_Arab', 'pes_Arab', 'zho_Hans', 'zho_Hant', 'yue_Hant', 'eng_Latn'];

describe('labelResolver, nested (default)', () => {
  const resolver = labelResolver(FLORES_LIKE);

  test('credits a macrolanguage label on a member, and a member on its macrolanguage', () => {
    expect(resolver.mode).toBe('nested');
    expect(resolver.resolve('ar', 'ary_Arab')).toBe('ary_Arab');
    expect(resolver.resolve('cmn', 'zho_Hans')).toBe('zho_Hans');
  });

  test('labels of the label set compare exactly', () => {
    expect(resolver.resolve('arb_Arab', 'ary_Arab')).toBe('arb_Arab');
    expect(resolver.resolve('yue_Hant', 'zho_Hant')).toBe('yue_Hant');
    expect(resolver.resolve('zh-TW', 'zho_Hans')).toBe('zho_Hant');
  });

  test('a wrong macrolanguage label lands on its representative member', () => {
    expect(resolver.resolve('ar', 'pes_Arab')).toBe('arb_Arab');
    expect(resolver.resolve('ar', 'eng_Latn')).toBe('arb_Arab');
  });

  test('spellings, retired codes, und and unmappable labels', () => {
    expect(resolver.resolve('__label__EN', 'eng_Latn')).toBe('eng_Latn');
    expect(resolver.resolve('apc', 'ajp_Arab')).toBe('ajp_Arab');
    expect(resolver.resolve('und', 'eng_Latn')).toBe('und_Zyyy');
    expect(resolver.resolve('xx-Bugi', 'eng_Latn')).toBe('xx-Bugi');
    expect(resolver.resolve('fra', 'eng_Latn')).toBe('fra_Latn');
  });

  test('supports: a peer knowing only `ar` supports every Arabic variety', () => {
    expect(resolver.supports(['ar', 'en'], 'ary_Arab')).toBe(true);
    expect(resolver.supports(['ar', 'en'], 'pes_Arab')).toBe(false);
    expect(resolver.supports(['zh-Hant'], 'zho_Hant')).toBe(true);
    expect(resolver.supports(['zh-Hant'], 'yue_Hant')).toBe(false);
  });

  test('bad gold labels throw TagError', () => {
    expect(() => resolver.gold('qqq_Zzzz_x')).toThrow(TagError);
  });
});

describe('labelResolver, other modes', () => {
  test('no: only the same language counts', () => {
    const strict = labelResolver(FLORES_LIKE, 'no');
    expect(strict.resolve('ar', 'ary_Arab')).toBe('ara_Arab');
    expect(strict.resolve('cmn', 'zho_Hans')).toBe('cmn_Hans');
    expect(strict.supports(['ar'], 'arb_Arab')).toBe(false);
  });

  test('fold: both sides become macrolanguages', () => {
    const fold = labelResolver(FLORES_LIKE, 'fold');
    expect(fold.gold('ary_Arab')).toBe('ara_Arab');
    expect(fold.resolve('arb_Arab', 'ara_Arab')).toBe('ara_Arab');
    expect(fold.resolve('yue_Hant', fold.gold('zho_Hant'))).toBe('zho_Hant');
  });

  test('unknown mode', () => {
    expect(() => labelResolver(FLORES_LIKE, 'maybe' as never)).toThrow('unknown macro mode "maybe"');
  });
});
