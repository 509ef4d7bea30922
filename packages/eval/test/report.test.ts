import { analyseErrors, renderErrorReport, type ErrorItem } from '../src/index.js';
import { highlight } from '../src/report/error-report.js';
import { svgBarChart } from '../src/report/svg-bar-chart.js';

describe('highlight', () => {
  it('marks the span on its side only and escapes everything', () => {
    expect(highlight('a <b> & c', { side: 'hyp', start: 2, end: 5 }, 'hyp')).toBe('a <mark>&#60;b&#62;</mark> &#38; c');
    expect(highlight('a <b>', { side: 'src', start: 0, end: 1 }, 'hyp')).toBe('a &#60;b&#62;');
    // Offsets past the end are clamped, never thrown.
    expect(highlight('abc', { side: 'hyp', start: 2, end: 99 }, 'hyp')).toBe('ab<mark>c</mark>');
  });
});

describe('svgBarChart', () => {
  it('draws one row per bar, scaled to the largest, with escaped labels and stacked parts', () => {
    const svg = svgBarChart(
      [
        { label: 'copy<x>', value: 4, parts: [{ value: 1, color: '#111' }, { value: 3, color: '#222' }] },
        { label: 'empty', value: 2, note: '2 of 10' },
      ],
      { title: 'Flags & modes', width: 200 },
    );
    expect(svg).toContain('<title>Flags &#38; modes</title>');
    expect(svg).toContain('copy&#60;x&#62;');
    expect(svg).toContain('width="50.0" height="14" fill="#111"');
    expect(svg).toContain('width="150.0" height="14" fill="#222"');
    expect(svg).toContain('width="100.0" height="14" fill="#54aeff"');
    expect(svg).toContain('>2 of 10</text>');
    expect(svg.match(/<g>/gu)).toHaveLength(2);
  });
});

describe('renderErrorReport', () => {
  it('shows counts by mode and language, the signature, and examples with their spans marked', async () => {
    const items: ErrorItem[] = [
      { src: 'Room 214 is on the left.', hyp: 'La salle 215 est à gauche.', tgtLang: 'fra_Latn' },
      { src: 'water', hyp: '', tgtLang: 'fra_Latn' },
      { src: 'The house is old.', hyp: '"><img src=x onerror=alert(1)>', tgtLang: 'rus_Cyrl' },
    ];
    const analysis = await analyseErrors(items);
    const html = renderErrorReport(analysis, items, { title: 'Test <run>', inputs: { hyp: 'hyp&.txt' } });
    expect(html).toContain('<title>Test &#60;run&#62;</title>');
    expect(html).toContain('<code>hyp</code>: hyp&#38;.txt');
    expect(html).not.toMatch(/<img/u);
    // The wrong-script flag marks the Latin letters of the injected markup, escaped.
    expect(html).toContain('<span class="side">hyp</span>&#34;&#62;&#60;<mark>img src=x onerror=alert</mark>(1)&#62;');
    expect(html).toContain(`<code>${analysis.summary.signature}</code>`);
    expect(html).toContain('<span class="side">hyp</span>La salle <mark>215</mark> est à gauche.');
    expect(html).toContain('<span class="side">src</span>Room <mark>214</mark> is on the left.');
    // Language × mode table: fra_Latn has 2 items, both flagged.
    expect(html).toMatch(/<tr><td>fra_Latn<\/td><td class="num">2<\/td><td class="num">2<\/td>/u);
    expect(html).toContain(`<b>empty</b> — 1 flags in 1 items`);
    expect(html).toContain('<div class="card"><b>3</b>items</div>');
  });
});
