import { codePointLength, isPyWhitespace, pyLower, pyRstrip, pySplit } from '../src/python/str.js';

describe('Python str semantics', () => {
  it('treats exactly the characters CPython 3.11 calls isspace() as whitespace', () => {
    // [c for c in range(0x110000) if chr(c).isspace()] — all in the BMP.
    const python = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
    const ours: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isPyWhitespace(c)) ours.push(c);
    expect(ours).toEqual(python);
  });

  it('splits, strips and counts like Python', () => {
    expect(pySplit('  a\u3000\u3000b\x1fc\ufeffd  ')).toEqual(['a', 'b', 'c\ufeffd']);
    expect(pySplit(' \u2028 ')).toEqual([]);
    expect(pyRstrip('a \t\u00a0\u200b')).toBe('a \t\u00a0\u200b'); // U+200B is not whitespace
    expect(pyRstrip('a \t\u00a0')).toBe('a');
    expect(codePointLength('😀é')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
  });

  it('lowercases with full case mappings, as str.lower()', () => {
    expect(pyLower('İ')).toBe('i\u0307');
    expect(pyLower('ΟΔΟΣ Σ')).toBe('οδος σ');
    expect(pyLower('ẞ')).toBe('ß');
  });
});
