import { binOf, type HistogramMark, type HistogramSnapshot } from '../src/histogram.js';
import { MAX_LANGUAGES_PER_MEASURE, formatScore, scoreHistogramSections } from '../src/report/score-histograms.js';

function histogram(scale: 'share' | 'log', values: number[], marks: HistogramMark[]): HistogramSnapshot {
  const bins: Record<string, number> = {};
  for (const value of values) bins[String(binOf(scale, value))] = (bins[String(binOf(scale, value))] ?? 0) + 1;
  return { scale, marks, bins };
}

/** The x of each threshold line and the fill colour of each bar path, in document order. */
function drawn(html: string): { lines: number[]; fills: string[]; captions: string[] } {
  return {
    lines: [...html.matchAll(/<line x1="([\d.]+)"/g)].map((match) => Number(match[1])),
    fills: [...html.matchAll(/<path d="[^"]+" fill="(#[0-9a-f]+)"/g)].map((match) => match[1] as string),
    captions: [...html.matchAll(/<figcaption class="muted">([^<]*)</g)].map((match) => match[1] as string),
  };
}

const minShare: HistogramMark = { name: 'minShare', bound: 'min', value: 0.5 };

test('one collapsible section per filter in pipeline order, a chart per language, most-scored first', () => {
  const sections = scoreHistogramSections(
    {
      'filter.wordlist.lang.hau_Latn.sentences.share': histogram('share', [0.1, 0.9, 0.9], [minShare]),
      'filter.wordlist.lang.amh_Ethi.sentences.share': histogram('share', [0.9], [minShare]),
      'filter.heuristics.lang.hau_Latn.words': histogram('log', [3, 60], []),
      'not.a.histogram.key': histogram('share', [0.5], []),
    },
    ['crawl.read', 'filter.heuristics', 'filter.wordlist'],
  );
  expect(sections).toHaveLength(2);
  expect(sections[0]).toMatch(/^<details><summary>filter\.heuristics — 1 measure\(s\)<\/summary>/);
  expect(sections[0]).toContain('<h3>words (documents)</h3>');
  expect(sections[1]).toContain('<h3>share (sentences)</h3>');
  const order = [...(sections[1] as string).matchAll(/font-size="10">(\w+) · (\d+)</g)].map((match) => `${match[1]}:${match[2]}`);
  expect(order).toEqual(['hau_Latn:3', 'amh_Ethi:1']);
  expect(scoreHistogramSections({}, [])).toEqual([]);
});

test('draws a share threshold at its place and colours the bins it drops', () => {
  const [section] = scoreHistogramSections({ 'filter.script.lang.hau_Latn.share': histogram('share', [0.1, 0.2, 0.7, 0.55], [minShare]) }, []);
  const { lines, fills } = drawn(section as string);
  expect(lines).toEqual([95]); // 0.5 of the 190-pixel axis
  expect(fills).toEqual(['#54aeff', '#ff8182']); // 0.55 and 0.7 kept; 0.1 and 0.2 dropped
  expect(section).toContain('minShare ≥ 0.50');
});

test('a log axis spans the data, stretches to a near threshold, and names a far one instead of squashing the data', () => {
  const marks: HistogramMark[] = [
    { name: 'minWords', bound: 'min', value: 50 },
    { name: 'maxWords', bound: 'max', value: 100_000 },
  ];
  const [section] = scoreHistogramSections({ 'filter.heuristics.lang.eng_Latn.words': histogram('log', [12, 30, 200, 400], marks) }, []);
  const { lines, fills, captions } = drawn(section as string);
  expect(lines).toHaveLength(1); // minWords inside the axis
  expect(captions).toEqual(['maxWords ≤ 100,000 →']);
  expect(fills).toEqual(['#54aeff', '#ff8182']);
  expect(section).toContain('>11<'); // the axis starts at the bin of 12 (2^3.5 ≈ 11.3 … 13.5), labelled with its low edge
});

test('a threshold of 0 on a count is drawn at the zero bin, set apart from the counts', () => {
  const hits: HistogramMark = { name: 'maxHits', bound: 'max', value: 0 };
  const [section] = scoreHistogramSections({ 'filter.blocklist.lang.eng_Latn.sentences.hits': histogram('log', [0, 0, 0, 3], [hits]) }, []);
  const { lines, fills, captions } = drawn(section as string);
  expect(captions).toEqual([]);
  expect(fills).toEqual(['#54aeff', '#ff8182']);
  const bars = [...(section as string).matchAll(/M([\d.]+) [\d.]+h([\d.]+)v-/g)].map((match) => ({ x: Number(match[1]), width: Number(match[2]) }));
  const [zero, three] = bars as [{ x: number; width: number }, { x: number; width: number }];
  expect(zero.x).toBe(0);
  expect(lines[0]).toBeGreaterThanOrEqual(zero.width); // in the gap between the zero bar and the counts
  expect(lines[0]).toBeLessThan(three.x);
});

test('a threshold of 0 on counts that are all 0 leaves the axis at the zero bin', () => {
  const hits: HistogramMark = { name: 'maxHits', bound: 'max', value: 0 };
  const [section] = scoreHistogramSections({ 'filter.blocklist.lang.eng_Latn.sentences.hits': histogram('log', [0, 0], [hits]) }, []);
  expect(drawn(section as string).lines).toEqual([190]);
  expect(section).toContain('>0 (log)<');
});

test('caps the languages drawn per measure and says how many more there are', () => {
  const histograms: Record<string, HistogramSnapshot> = {};
  for (let i = 0; i < MAX_LANGUAGES_PER_MEASURE + 5; i++) histograms[`filter.script.lang.l${String(i).padStart(2, '0')}_Latn.share`] = histogram('share', [0.9], []);
  const [section] = scoreHistogramSections(histograms, []);
  expect((section as string).match(/<figure/g)).toHaveLength(MAX_LANGUAGES_PER_MEASURE);
  expect(section).toContain('and 5 more languages');
});

test('formats scores for each scale', () => {
  expect([formatScore('share', 0.5), formatScore('log', 100_000), formatScore('log', 11.31), formatScore('log', 0.0123), formatScore('log', -Infinity)]).toEqual(['0.50', '100,000', '11', '0.012', '0']);
});
