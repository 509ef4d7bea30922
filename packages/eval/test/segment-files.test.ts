import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SegmentFileError, checkSegmentCounts, decodeSegments, readSegmentFile, splitTabbedReferences } from '../src/index.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeSegments: lines as sacrebleu reads them', () => {
  it('does not add an empty segment for a final newline, but keeps empty lines', () => {
    expect(decodeSegments(bytes('a\nb\n'), 'f')).toEqual(['a', 'b']);
    expect(decodeSegments(bytes('a\nb'), 'f')).toEqual(['a', 'b']);
    expect(decodeSegments(bytes('a\n\nb\n\n'), 'f')).toEqual(['a', '', 'b', '']);
    expect(decodeSegments(bytes(''), 'f')).toEqual([]);
    expect(decodeSegments(bytes('\n'), 'f')).toEqual(['']);
  });

  it('rstrips Python whitespace (CRLF endings included) and splits only on \\n', () => {
    expect(decodeSegments(bytes('a b \r\nc\u3000\u2028\nd\x1c\n'), 'f')).toEqual(['a b', 'c', 'd']);
    // U+2028 and U+0085 inside a line do not end it (Python file iteration with newline="\n").
    expect(decodeSegments(bytes('x\u2028y\x85z\n'), 'f')).toEqual(['x\u2028y\x85z']);
  });

  it('keeps a UTF-8 byte order mark, as Python\'s utf-8 codec does', () => {
    expect(decodeSegments(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]), 'f')).toEqual(['\ufeffa']);
  });

  it('rejects invalid UTF-8 naming the file, line and column', () => {
    const bad = Uint8Array.from([...bytes('ok\nfine\nab'), 0xff, 0x0a]);
    expect(() => decodeSegments(bad, 'hyp.txt')).toThrow(new SegmentFileError('hyp.txt:3: invalid UTF-8 byte 0xff at column 3 (byte offset 10)', 'hyp.txt', 3));
    // overlong encoding of '/', a lone surrogate, and a truncated sequence at the end
    expect(() => decodeSegments(Uint8Array.from([0xc0, 0xaf]), 'a')).toThrow(/a:1: invalid UTF-8 byte 0xc0/);
    expect(() => decodeSegments(Uint8Array.from([0x0a, 0xed, 0xa0, 0x80]), 'b')).toThrow(/b:2: invalid UTF-8 byte 0xed/);
    expect(() => decodeSegments(Uint8Array.from([0x61, 0xe2, 0x82]), 'c')).toThrow(/c:1: invalid UTF-8 byte 0xe2 at column 2/);
  });

  it('reads files from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-eval-'));
    try {
      const path = join(dir, 'ref.txt');
      writeFileSync(path, 'नमस्ते दुनिया\n这是测试。\n');
      expect(readSegmentFile(path)).toEqual(['नमस्ते दुनिया', '这是测试。']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('line counts and tab-separated references', () => {
  it('names both files and their counts when lengths differ', () => {
    const hyp = { name: 'hyp.txt', segments: ['a', 'b', 'c'] };
    expect(() => checkSegmentCounts(hyp, [{ name: 'ref1.txt', segments: ['a', 'b', 'c'] }, { name: 'ref2.txt', segments: ['a', 'b'] }])).toThrow(
      'hyp.txt has 3 lines but ref2.txt has 2; hypothesis and reference files must have the same number of lines',
    );
    expect(() => checkSegmentCounts(hyp, [{ name: 'ref1.txt', segments: ['x', 'y', 'z'] }])).not.toThrow();
  });

  it('splits --num-refs lines into streams, the last keeping extra tabs', () => {
    expect(splitTabbedReferences(['a\tb', 'c\td\te'], 2, 'refs.tsv')).toEqual([
      ['a', 'c'],
      ['b', 'd\te'],
    ]);
    expect(() => splitTabbedReferences(['a\tb', 'only one'], 2, 'refs.tsv')).toThrow('refs.tsv:2: expected 2 tab-separated references, found 1');
  });
});
