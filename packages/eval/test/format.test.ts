import { corpusBleu, corpusChrf, corpusTer, formatScore, formatSingleResults } from '../src/index.js';
import { fancyGrid } from '../src/format/fancy-grid.js';
import { PyFloat, formatFixed, pyFloatRepr, pyJsonDumps } from '../src/python/format.js';

const hyps = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];
const refs = [['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.']];

describe('Python number formatting', () => {
  it("rounds exact ties to even like f'{x:.2f}' (toFixed rounds them up)", () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(12.125, 2)).toBe('12.12');
    expect(formatFixed(48.53, 1)).toBe('48.5');
    expect(formatFixed(-0.001, 2)).toBe('-0.00');
    expect(formatFixed(1e16, 1)).toBe('10000000000000000.0');
  });

  it('writes floats as Python repr does', () => {
    expect(pyFloatRepr(100)).toBe('100.0');
    expect(pyFloatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloatRepr(1e-5)).toBe('1e-05');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(1.5e16)).toBe('1.5e+16');
    expect(pyFloatRepr(1.2345678901234568e17)).toBe('1.2345678901234568e+17');
    expect(pyFloatRepr(-0)).toBe('-0.0');
  });

  it('dumps JSON as json.dumps(indent=1, ensure_ascii=False) does', () => {
    expect(pyJsonDumps({ a: [1, new PyFloat(2)], b: 'é\n"\u2028\x01', c: {}, d: [] }, 1)).toBe(
      '{\n "a": [\n  1,\n  2.0\n ],\n "b": "é\\n\\"\u2028\\u0001",\n "c": {},\n "d": []\n}',
    );
    expect(pyJsonDumps(['é'], 4, true)).toBe('[\n    "\\u00e9"\n]');
  });
});

describe('formatScore', () => {
  it('prints the signature in long and short form', () => {
    const bleu = corpusBleu(hyps, refs);
    expect(formatScore(bleu, { width: 1, signature: 'long' })).toBe(
      'BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 45.1 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)',
    );
    expect(formatScore(bleu, { signature: 'short' })).toMatch(/^BLEU\|#:1\|c:mixed\|e:no\|tok:13a\|s:exp\|v:2\.6\.0 = 45\.07 /);
    expect(formatScore(corpusTer(hyps, refs), { signature: 'short' })).toBe('TER|#:1|c:lc|t:tercom|nr:no|pn:yes|as:no|v:2.6.0 = 50.00');
    expect(formatScore(bleu, { width: 1, scoreOnly: true })).toBe('45.1');
  });

  it('writes the JSON object of sacrebleu --format json', () => {
    const text = formatScore(corpusBleu(hyps, refs), { width: 1, json: true });
    expect(text).toBe(
      [
        '{',
        ' "name": "BLEU",',
        ' "score": 45.1,',
        ' "signature": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",',
        ' "verbose_score": "70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)",',
        ' "nrefs": "1",',
        ' "case": "mixed",',
        ' "eff": "no",',
        ' "tok": "13a",',
        ' "smooth": "exp",',
        ' "version": "2.6.0"',
        '}',
      ].join('\n'),
    );
    expect(formatScore(corpusTer(hyps, refs), { json: true })).toContain('"score": 50.0,');
  });

  it('aligns several metrics on "=" and lists JSON objects', () => {
    const lines = [corpusBleu(hyps, refs), corpusChrf(hyps, refs, { wordOrder: 2 }), corpusTer(hyps, refs)].map((s) => formatScore(s, { width: 1 }));
    expect(formatSingleResults(lines, false).split('\n')).toEqual([
      '   BLEU = 45.1 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)',
      'chrF2++ = 51.7',
      '    TER = 50.0',
    ]);
    expect(formatSingleResults(['{"a": 1}', '{"b": 2}'], true)).toBe('[\n{"a": 1},\n{"b": 2}\n]');
    expect(formatSingleResults(['{"a": 1}'], true)).toBe('{"a": 1}');
  });
});

describe('fancyGrid (tabulate fancy_grid)', () => {
  it("reproduces tabulate's own multiline test table", () => {
    // python-tabulate test_output.py::test_fancy_grid_multiline_with_empty_cells (MIT)
    expect(fancyGrid(['hdr', 'data', 'fold'], [['1', '', ''], ['2', 'very long data', 'fold\nthis']], ['right', 'left', 'left'])).toBe(
      [
        '╒═══════╤════════════════╤════════╕',
        '│   hdr │ data           │ fold   │',
        '╞═══════╪════════════════╪════════╡',
        '│     1 │                │        │',
        '├───────┼────────────────┼────────┤',
        '│     2 │ very long data │ fold   │',
        '│       │                │ this   │',
        '╘═══════╧════════════════╧════════╛',
      ].join('\n'),
    );
  });

  it('centres with the odd space on the right, as Python does', () => {
    expect(fancyGrid(['ab'], [['abc']], ['center']).split('\n')[1]).toBe('│  ab  │');
  });
});
