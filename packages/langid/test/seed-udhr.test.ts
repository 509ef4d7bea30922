import { loadUdhr, udhrDeclarations, udhrTag } from '../src/seed/udhr.js';

describe('udhr loader', () => {
  it('maps every named declaration to an xxx_Xxxx tag, variants and scripts included', async () => {
    const declarations = await udhrDeclarations();
    // 532 declarations in udhr@6, 10 of them `und` (unnamed varieties).
    expect(declarations).toHaveLength(522);
    expect(new Set(declarations.map((d) => d.tag)).size).toBe(462);
    const tagOf = Object.fromEntries(declarations.map((d) => [d.code, d.tag]));
    expect(tagOf).toMatchObject({
      cmn_hans: 'cmn_Hans',
      cmn_hans_beijing: 'cmn_Hans',
      cmn_hant: 'cmn_Hant',
      yue: 'yue_Hans',
      jpn: 'jpn_Jpan',
      kor: 'kor_Hang',
      srp_cyrl: 'srp_Cyrl',
      srp_latn: 'srp_Latn',
      uzn_cyrl: 'uzn_Cyrl',
      uzn_latn: 'uzn_Latn',
      azj_cyrl: 'azj_Cyrl',
      '032': 'azb_Latn',
      tzm_tfng: 'tzm_Tfng',
      tzm: 'tzm_Latn',
      khk_mong: 'khk_Mong',
      vie_han: 'vie_Hani',
      ojb: 'ojb_Cans',
      est: 'ekk_Latn',
      pes_2: 'prs_Arab',
      aka_fante: 'fat_Latn',
      deu_1901: 'deu_Latn',
    });
    expect(tagOf['013']).toBeUndefined();
  });

  it('falls back to the text when the BCP-47 field names no script', () => {
    expect(udhrTag({ bcp47: 'und', iso6393: 'und' }, 'text')).toBeUndefined();
    expect(udhrTag({ bcp47: 'crh', iso6393: 'crh' }, 'Bütün insanlar serbest')).toBe('crh_Latn');
    expect(udhrTag({ bcp47: 'uz-Cyrl', iso6393: 'uzn' }, 'Barcha odamlar')).toBe('uzn_Cyrl');
  });

  it('splits paragraphs into sentences, keyed by article across declarations', async () => {
    const texts = await loadUdhr();
    expect(texts).toHaveLength(39867);
    // List items wrap their own <p> (`<li><p>…</p></li>`): no markup may leak into the text.
    expect(texts.filter((t) => /<\/?(p|li)>/.test(t.text))).toEqual([]);
    const english = texts.filter((t) => t.tag === 'eng_Latn' && t.docId === 'udhr:article-1');
    expect(english.map((t) => t.text)).toEqual([
      'All human beings are born free and equal in dignity and rights.',
      'They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.',
    ]);
    expect(texts.filter((t) => t.tag === 'cmn_Hant' && t.docId === 'udhr:article-1').map((t) => t.text)).toEqual([
      '人人生而自由，在尊嚴和權利上一律平等。',
      '他們賦有理性和良心，並應以兄弟關係的精神相對待。',
    ]);
    expect(new Set(texts.map((t) => t.source))).toEqual(new Set(['udhr']));
    const paragraphs = await loadUdhr({ unit: 'paragraph' });
    expect(paragraphs.filter((t) => t.tag === 'eng_Latn' && t.docId === 'udhr:article-1')).toHaveLength(1);
  });
});
