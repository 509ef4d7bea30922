import { TextDecoder } from 'node:util';
import { contentTypeCharset, resolveCharset } from '../src/charset/charset-label.js';
import { decodeBody } from '../src/charset/decode-body.js';
import { prescanMetaCharset } from '../src/charset/meta-prescan.js';
import { countInvalidUtf8Bytes } from '../src/charset/utf8-validity.js';

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** "Привет" in windows-1251 and "日本語" in Shift_JIS, as their code tables give them. */
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const NIHONGO_SJIS = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea];

describe('charset labels', () => {
  test.each([
    ['latin1', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['cp1251', 'windows-1251'],
    ['Shift_JIS', 'shift_jis'],
    ['x-sjis', 'shift_jis'],
    ['gb2312', 'gbk'],
    ['"utf8"', 'utf-8'],
  ])('%s resolves to %s (WHATWG aliases)', (label, name) => expect(resolveCharset(label)).toBe(name));

  test('unknown and replacement-family labels resolve to null', () => {
    expect(resolveCharset('klingon-8')).toBeNull();
    expect(resolveCharset('iso-2022-kr')).toBeNull();
  });

  test('charset parameter of a Content-Type', () => {
    expect(contentTypeCharset('text/html; Charset="windows-1251"')).toBe('windows-1251');
    expect(contentTypeCharset('text/html;charset=utf-8; foo=bar')).toBe('utf-8');
    expect(contentTypeCharset('text/html')).toBeNull();
  });
});

describe('meta prescan', () => {
  test('charset attribute, http-equiv pragma, comments and other tags skipped', () => {
    expect(prescanMetaCharset(bytes('<html><head><meta charset="koi8-r">'), 4096)).toEqual({ charset: 'koi8-r' });
    expect(prescanMetaCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'), 4096)).toEqual({ charset: 'shift_jis' });
    expect(prescanMetaCharset(bytes('<!-- <meta charset="koi8-r"> --><p title="<meta charset=big5>"><meta charset=euc-kr>'), 4096)).toEqual({ charset: 'euc-kr' });
    // content= without the pragma does not count (WHATWG "need pragma").
    expect(prescanMetaCharset(bytes('<meta content="text/html; charset=koi8-r">'), 4096)).toEqual({ charset: null });
    // A UTF-16 declaration in ASCII-readable bytes means UTF-8.
    expect(prescanMetaCharset(bytes('<meta charset="utf-16le">'), 4096)).toEqual({ charset: 'utf-8' });
    expect(prescanMetaCharset(bytes('<meta charset="bogus"><meta charset="big5">'), 4096)).toEqual({ charset: 'big5', unknownLabel: 'bogus' });
  });

  test('stops at the prescan limit', () => {
    const late = bytes(`<html>${' '.repeat(2000)}<meta charset="koi8-r">`);
    expect(prescanMetaCharset(late, 1024).charset).toBeNull();
    expect(prescanMetaCharset(late, 4096).charset).toBe('koi8-r');
  });
});

describe('decodeBody', () => {
  test('windows-1252 punctuation in 0x80–0x9F decodes as windows-1252, not Latin-1 (Node bug #60888)', () => {
    const bytes = Buffer.from([0x49, 0x74, 0x92, 0x73, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x80, 0x35]);
    expect(decodeBody(bytes, { contentTypeHeader: 'text/html; charset=windows-1252', htmlSniff: true }).text).toBe('It’s “ok” €5');
  });

  test('byte-order mark wins over every declaration', () => {
    const utf16 = bytes([0xff, 0xfe], Array.from(Buffer.from('hé', 'utf16le')));
    expect(decodeBody(utf16, { contentTypeHeader: 'text/html; charset=windows-1251', htmlSniff: true })).toEqual({ text: 'hé', charset: 'utf-16le', source: 'bom', invalidBytes: 0 });
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], 'ok'), { htmlSniff: false })).toMatchObject({ text: 'ok', source: 'bom', charset: 'utf-8' });
  });

  test('windows-1251 declared by HTTP header and by meta', () => {
    expect(decodeBody(bytes('<p>', PRIVET_1251), { contentTypeHeader: 'text/html; charset=windows-1251', htmlSniff: true })).toEqual({
      text: '<p>Привет',
      charset: 'windows-1251',
      source: 'http',
      invalidBytes: 0,
    });
    expect(decodeBody(bytes('<meta charset="windows-1251"><p>', PRIVET_1251), { htmlSniff: true })).toMatchObject({ text: '<meta charset="windows-1251"><p>Привет', source: 'meta' });
  });

  test('shift_jis declared by HTTP header and by http-equiv meta', () => {
    expect(decodeBody(bytes(NIHONGO_SJIS), { contentTypeHeader: 'text/plain; charset=Shift_JIS', htmlSniff: false })).toEqual({
      text: '日本語',
      charset: 'shift_jis',
      source: 'http',
      invalidBytes: 0,
    });
    const page = bytes('<head><meta http-equiv="content-type" content="text/html;charset=x-sjis"></head>', NIHONGO_SJIS);
    expect(decodeBody(page, { htmlSniff: true })).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(decodeBody(page, { htmlSniff: true }).text.endsWith('日本語')).toBe(true);
  });

  test('HTTP charset beats meta; meta is not read when htmlSniff is off', () => {
    const page = bytes('<meta charset="shift_jis">', PRIVET_1251);
    expect(decodeBody(page, { contentTypeHeader: 'text/html; charset=windows-1251', htmlSniff: true }).source).toBe('http');
    expect(decodeBody(page, { htmlSniff: false, detector: 'none' })).toMatchObject({ charset: 'windows-1252', source: 'default' });
  });

  test('invalid UTF-8 in a UTF-8 page is replaced and counted; a genuine U+FFFD is not counted', () => {
    const page = bytes('a', [0xff], 'b', [0xe2, 0x82], 'c', [0xef, 0xbf, 0xbd], [0xed, 0xa0, 0x80]);
    expect(decodeBody(page, { contentTypeHeader: 'text/html; charset=utf-8', htmlSniff: true })).toEqual({
      text: 'a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD',
      charset: 'utf-8',
      source: 'http',
      invalidBytes: 6,
    });
  });

  test('undeclared: valid UTF-8 is detected, legacy bytes fall back to windows-1252', () => {
    expect(decodeBody(Buffer.from('naïve'), { htmlSniff: true })).toEqual({ text: 'naïve', charset: 'utf-8', source: 'detected', invalidBytes: 0 });
    expect(decodeBody(bytes('caf', [0xe9]), { htmlSniff: true })).toEqual({ text: 'café', charset: 'windows-1252', source: 'default', invalidBytes: 0 });
    expect(decodeBody(bytes(PRIVET_1251), { htmlSniff: false, detector: 'none', fallback: 'windows-1251' })).toMatchObject({ text: 'Привет', source: 'default' });
  });

  test('undeclared legacy text: chardet names the encoding', () => {
    // windows-1251 bytes for the sentence, from the inverse of the decoder's single-byte table.
    const table = new TextDecoder('windows-1251').decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)));
    const encode = (text: string): Buffer => Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x80 + table.indexOf(ch))));
    const sentence = 'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью.';
    expect(decodeBody(encode(sentence), { htmlSniff: true })).toEqual({ text: sentence, charset: 'windows-1251', source: 'detected', invalidBytes: 0 });
  });

  test('undeclared UTF-8 cut mid-character stays UTF-8, with the cut bytes counted', () => {
    const cut = Buffer.from('Ελληνικά κείμενα'.repeat(5)).subarray(0, -1);
    expect(decodeBody(cut, { htmlSniff: true })).toMatchObject({ charset: 'utf-8', source: 'detected', invalidBytes: 1 });
  });

  test('an unknown label is noted and the next source used', () => {
    expect(decodeBody(bytes('<meta charset="koi8-r">', [0xf0]), { contentTypeHeader: 'text/html; charset=x-nonsense', htmlSniff: true })).toEqual({
      text: '<meta charset="koi8-r">П',
      charset: 'koi8-r',
      source: 'meta',
      invalidBytes: 0,
      unknownLabel: 'x-nonsense',
    });
  });

  test('an ISO-8859-1 declaration on valid non-ASCII UTF-8 is overridden (documented departure)', () => {
    expect(decodeBody(Buffer.from('Zürich'), { contentTypeHeader: 'text/html; charset=ISO-8859-1', htmlSniff: true })).toEqual({
      text: 'Zürich',
      charset: 'utf-8',
      source: 'detected',
      invalidBytes: 0,
      overridden: 'windows-1252',
    });
  });

  test('legacy decoders: replacement characters are counted', () => {
    // 0x82 0x20 is no Shift_JIS character: one U+FFFD.
    expect(decodeBody(bytes([0x82, 0x20], NIHONGO_SJIS), { contentTypeHeader: 'text/plain; charset=shift_jis', htmlSniff: false }).invalidBytes).toBe(
      new TextDecoder('shift_jis').decode(bytes([0x82, 0x20])).split('\uFFFD').length - 1,
    );
  });
});

describe('countInvalidUtf8Bytes', () => {
  test.each([
    [[0x61, 0x62], 0],
    [[0xc3, 0xa9], 0],
    [[0xc3], 1],
    [[0xc0, 0x80], 2],
    [[0xe0, 0x80, 0x80], 3],
    [[0xf0, 0x9f, 0x98], 3],
    [[0xf0, 0x9f, 0x98, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 4],
    [[0xef, 0xbf, 0xbd], 0],
  ])('%j has %i invalid bytes', (input, expected) => expect(countInvalidUtf8Bytes(Buffer.from(input))).toBe(expected));
});
