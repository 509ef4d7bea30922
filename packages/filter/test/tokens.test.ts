import { describe, expect, it } from '@jest/globals';
import { tokenSpans, wordTokens } from '@ntl/filter';

describe('wordTokens', () => {
  it('splits spaced scripts into lower-cased letter runs, leaving digits out unless asked', () => {
    expect(wordTokens('Watu wote, 30 ƴancin-ɗan Adam!')).toEqual(['watu', 'wote', 'ƴancin', 'ɗan', 'adam']);
    expect(wordTokens('Article 30 says', { digits: true })).toEqual(['article', '30', 'says']);
    expect(wordTokens('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('cuts scripts written without spaces into character bigrams or characters', () => {
    expect(wordTokens('人人生而自由')).toEqual(['人人', '人生', '生而', '而自', '自由']);
    expect(wordTokens('人人生', { spaceless: 'chars' })).toEqual(['人', '人', '生']);
    expect(wordTokens('ทุกคน')).toEqual(['ทุ', 'ุก', 'กค', 'คน']);
    // A spaced word glued to Han characters stays one token.
    expect(wordTokens('UDHR第一条')).toEqual(['udhr', '第一', '一条']);
  });

  it('reports spans in UTF-16 offsets of the original text', () => {
    expect(tokenSpans('Ab 𠀀𠀁 c', { spaceless: 'chars' })).toEqual([
      { token: 'ab', start: 0, end: 2, spaceless: false },
      { token: '𠀀', start: 3, end: 5, spaceless: true },
      { token: '𠀁', start: 5, end: 7, spaceless: true },
      { token: 'c', start: 8, end: 9, spaceless: false },
    ]);
    expect(wordTokens('')).toEqual([]);
  });
});
