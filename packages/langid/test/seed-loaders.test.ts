import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFloresSib } from '../src/seed/flores-sib.js';
import { loadLanguageFolder } from '../src/seed/language-files.js';
import { SeedFormatError } from '../src/seed/seed-error.js';
import { loadTaggedLines } from '../src/seed/tagged-lines.js';
import { tagForText } from '../src/seed/text-tag.js';
import { loadVerseFile, loadVerseFolder } from '../src/seed/verses.js';
import { hanVariant } from '../src/seed/han-variant.js';
import { alignedTag } from '../src/seed/align-labels.js';

const fixtures = fileURLToPath(new URL('./fixtures/seed/', import.meta.url));

describe('tagForText', () => {
  it('keeps a script the label names, otherwise takes the text’s', () => {
    expect(tagForText('sr-Latn', 'Добар дан')).toBe('srp_Latn');
    expect(tagForText('sr', 'Добар дан')).toBe('srp_Cyrl');
    expect(tagForText('sr', 'Dobar dan')).toBe('srp_Latn');
    expect(tagForText('azb', 'Bütün insanlar')).toBe('azb_Latn');
    expect(tagForText('ko', '모든 인간은')).toBe('kor_Hang');
    expect(tagForText('ja', 'すべての人間は、生まれながらにして自由')).toBe('jpn_Jpan');
  });

  it('tells Simplified from Traditional Han by the characters, not by CLDR', () => {
    expect(tagForText('yue', '人人生而自由，在尊严和权利上一律平等。')).toBe('yue_Hans');
    expect(tagForText('zh', '人人生而自由，在尊嚴和權利上一律平等。')).toBe('zho_Hant');
    expect(tagForText('zh-TW', '人人生而自由')).toBe('zho_Hant');
    expect(hanVariant('人人生而自由')).toBeUndefined();
    expect(hanVariant('这个国家')).toBe('Hans');
    expect(hanVariant('這個國家')).toBe('Hant');
  });

  it('uses the label alone when the text has no letters, and rejects non-languages', () => {
    expect(tagForText('en', '123 !!!')).toBe('eng_Latn');
    expect(() => tagForText('xx-invalid-code', 'text')).toThrow(/xx/);
  });
});

describe('alignedTag', () => {
  const flores = new Set(['zho_Hans', 'zho_Hant', 'est_Latn', 'yue_Hant', 'quy_Latn', 'lvs_Latn']);
  it('moves only the representative member to the reference macrolanguage tag', () => {
    expect(alignedTag('cmn_Hans', flores)).toBe('zho_Hans');
    expect(alignedTag('cmn_Hant', flores)).toBe('zho_Hant');
    expect(alignedTag('ekk_Latn', flores)).toBe('est_Latn');
    expect(alignedTag('lvs_Latn', flores)).toBe('lvs_Latn');
    expect(alignedTag('hak_Hans', flores)).toBe('hak_Hans');
    expect(alignedTag('yue_Hans', flores)).toBe('yue_Hans');
    expect(alignedTag('quz_Latn', flores)).toBe('quz_Latn');
    expect(alignedTag('cmn_Latn', flores)).toBe('cmn_Latn');
  });
});

describe('tag<TAB>text files', () => {
  it('maps each label with the script of its text, one document per line', async () => {
    const texts = await loadTaggedLines(join(fixtures, 'tagged.tsv'));
    expect(texts.map((t) => [t.tag, t.docId])).toEqual([
      ['eng_Latn', 'tagged.tsv:1'],
      ['srp_Cyrl', 'tagged.tsv:2'],
      ['srp_Latn', 'tagged.tsv:3'],
      ['zho_Hant', 'tagged.tsv:5'],
      ['zho_Hans', 'tagged.tsv:6'],
      ['hau_Latn', 'tagged.tsv:7'],
    ]);
    expect(texts[5]?.text).toBe('Su dai ’yan-adam, ana haifuwarsu ne duka ’yantattu.');
    expect(new Set(texts.map((t) => t.source))).toEqual(new Set(['tagged.tsv']));
  });

  it('names the file and line of a malformed line or label', async () => {
    await expect(loadTaggedLines(join(fixtures, 'tagged-bad.tsv'))).rejects.toThrow(/tagged-bad\.tsv:2: expected "tag<TAB>text"/);
    await expect(loadTaggedLines(join(fixtures, 'tagged-badtag.tsv'))).rejects.toBeInstanceOf(SeedFormatError);
    await expect(loadTaggedLines(join(fixtures, 'tagged-badtag.tsv'))).rejects.toThrow(/tagged-badtag\.tsv:1: .*xx/);
  });
});

describe('one-file-per-language folders', () => {
  it('reads <label>.txt files, blank lines separating documents', async () => {
    const texts = await loadLanguageFolder(join(fixtures, 'languages'));
    expect(texts.map((t) => [t.tag, t.docId, t.source])).toEqual([
      ['hau_Latn', 'hau.txt#0', 'hau.txt'],
      ['hau_Latn', 'hau.txt#0', 'hau.txt'],
      ['hau_Latn', 'hau.txt#1', 'hau.txt'],
      ['srp_Latn', 'sr.txt#0', 'sr.txt'],
      ['srp_Latn', 'sr.txt#1', 'sr.txt'],
    ]);
    expect(texts[2]?.text).toBe('Suna da hankali da tunani.');
  });
});

describe('verse-aligned files', () => {
  it('groups verses by book and chapter, the same ids in every language', async () => {
    const texts = await loadVerseFolder(join(fixtures, 'bible'));
    expect(texts.map((t) => [t.tag, t.docId])).toEqual([
      ['eng_Latn', 'bible:GEN 1'],
      ['eng_Latn', 'bible:GEN 1'],
      ['eng_Latn', 'bible:GEN 2'],
      ['eng_Latn', 'bible:1 John 3'],
      ['fra_Latn', 'bible:GEN 1'],
      ['fra_Latn', 'bible:GEN 1'],
    ]);
    expect(texts[4]?.text).toBe('Au commencement, Dieu créa les cieux et la terre.');
  });

  it('rejects a line without a verse reference', async () => {
    await expect(loadVerseFile(join(fixtures, 'tagged.tsv'))).rejects.toThrow(/tagged\.tsv:1: expected "BOOK CH:VS<TAB>text"/);
  });
});

describe('FLORES/SIB folders', () => {
  it('reads the splits asked for, unquotes CSV fields and keys documents by index_id', async () => {
    const texts = await loadFloresSib(join(fixtures, 'flores'));
    expect(texts.map((t) => [t.tag, t.docId])).toEqual([
      ['eng_Latn', 'flores-sib:431'],
      ['eng_Latn', 'flores-sib:1239'],
      ['eng_Latn', 'flores-sib:548'],
      ['fra_Latn', 'flores-sib:431'],
      ['fra_Latn', 'flores-sib:1239'],
      ['zho_Hant', 'flores-sib:431'],
    ]);
    expect(texts[1]?.text).toBe('"She’s very cute and sings quite well, too," he said according to a transcript of the news conference.');
    const dev = await loadFloresSib(join(fixtures, 'flores'), { splits: ['dev'] });
    expect(dev.map((t) => t.docId)).toEqual(['flores-sib:548']);
    const french = await loadFloresSib(join(fixtures, 'flores'), { tags: ['fra_Latn'], splits: ['train'] });
    expect(french).toHaveLength(2);
  });

  it('fails on a folder without language folders', async () => {
    await expect(loadFloresSib(join(fixtures, 'languages'))).rejects.toThrow(/no language folders/);
  });
});
