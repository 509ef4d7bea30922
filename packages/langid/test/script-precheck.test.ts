import { precheck, letterScripts } from '../src/script-precheck/precheck.js';
import { codePointScripts, sameWritingSystem, ScriptIndex } from '../src/script-precheck/script-index.js';

const index = new ScriptIndex(['eng_Latn', 'fra_Latn', 'rus_Cyrl', 'div_Thaa', 'kat_Geor', 'jpn_Jpan', 'cmn_Hans', 'cmn_Hant', 'kor_Hang', 'heb_Hebr', 'ydd_Hebr']);

describe('ScriptIndex', () => {
  it('expands composite scripts to the code-point scripts they are made of', () => {
    expect(codePointScripts('Jpan')).toEqual(['Hani', 'Hira', 'Kana']);
    expect(codePointScripts('Hant')).toEqual(['Hani']);
    expect(codePointScripts('Latn')).toEqual(['Latn']);
    expect(index.languagesOf('Hani')).toEqual(['jpn_Jpan', 'cmn_Hans', 'cmn_Hant']);
    expect(index.languagesOf('Hira')).toEqual(['jpn_Jpan']);
    expect(index.languagesOf('Hebr')).toEqual(['heb_Hebr', 'ydd_Hebr']);
    expect(index.languagesOf('Cher')).toEqual([]);
    expect(sameWritingSystem('Hani', 'Hira')).toBe(true);
    expect(sameWritingSystem('Hang', 'Hani')).toBe(true);
    expect(sameWritingSystem('Latn', 'Cyrl')).toBe(false);
  });
});

describe('precheck', () => {
  it('decides scripts that one model language owns, and leaves shared ones to the model', () => {
    expect(precheck('ހުރިހާ އިންސާނުންވެސް', index)).toEqual({ kind: 'decided', tag: 'div_Thaa', mixedScript: false });
    expect(precheck('ყოველი ადამიანი', index)).toEqual({ kind: 'decided', tag: 'kat_Geor', mixedScript: false });
    expect(precheck('すべての人間は', index)).toEqual({ kind: 'decided', tag: 'jpn_Jpan', mixedScript: false });
    expect(precheck('모든 인간은', index)).toEqual({ kind: 'decided', tag: 'kor_Hang', mixedScript: false });
    expect(precheck('人人生而自由', index)).toEqual({ kind: 'model', mixedScript: false });
    expect(precheck('אַלע מענטשן', index)).toEqual({ kind: 'model', mixedScript: false });
    expect(precheck('all human beings', index)).toEqual({ kind: 'model', mixedScript: false });
  });

  it('flags two scripts with 30% of the letters each, but not kanji with kana', () => {
    expect(precheck('hello world привет мир', index)).toEqual({ kind: 'model', mixedScript: true });
    // 10 Latin letters, 3 Cyrillic: 23% is not mixed.
    expect(precheck('helloworld мир', index)).toEqual({ kind: 'model', mixedScript: false });
    expect(precheck('人間は生まれながらにして自由', index)).toEqual({ kind: 'decided', tag: 'jpn_Jpan', mixedScript: false });
    expect(precheck('ყოველი hello', index)).toEqual({ kind: 'model', mixedScript: true });
  });

  it('answers undetermined for text without letters or in a script no model language uses', () => {
    expect(precheck('', index)).toEqual({ kind: 'undetermined', reason: 'no-letters' });
    expect(precheck(' \u0301 ', index)).toEqual({ kind: 'undetermined', reason: 'no-letters' });
    expect(precheck('ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ', index)).toEqual({ kind: 'undetermined', reason: 'unknown-script' });
    expect(letterScripts('ab Ж 1')).toEqual([['Latn', 2], ['Cyrl', 1]]);
  });
});
