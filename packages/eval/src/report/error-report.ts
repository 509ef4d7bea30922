/**
 * The HTML report of an error analysis: counts by mode, severity and language as inline SVG charts and tables,
 * then examples per mode with the flagged span marked. Self-contained (inline CSS and SVG) and escaped throughout:
 * the texts are model output and may hold anything.
 */
import { REPORT_CSS, escapeHtml, formatCount } from '@ntl/core';
import type { ErrorAnalysis } from '../errors/analyse-errors.js';
import type { ErrorItem } from '../errors/error-item.js';
import { ERROR_MODES, SEVERITIES, type Flag, type Severity, type Span } from '../errors/flag.js';
import { svgBarChart } from './svg-bar-chart.js';

export interface ErrorReportOptions {
  title?: string;
  /** Input files as the report names them. */
  inputs?: Record<string, string>;
  /** Examples shown per mode. Default 10. */
  examplesPerMode?: number;
}

const SEVERITY_COLORS: Record<Severity, string> = { low: '#9ecbff', medium: '#f0b72f', high: '#d1242f' };

const CSS = `${REPORT_CSS}
mark{background:#ffd8b5;border-bottom:2px solid #d1242f;padding:0 1px}
.sev-high{color:#d1242f;font-weight:600}.sev-medium{color:#9a6700;font-weight:600}.sev-low{color:#0969da}
.ex{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .7rem;margin:.5rem 0}.ex p{margin:.2rem 0}
.ex .side{display:inline-block;width:3.5rem;color:#57606a}.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem 0 .8rem;vertical-align:middle}
td.zero{color:#afb8c1}`;

/** The text with the span wrapped in <mark>, everything escaped. */
export function highlight(text: string, span: Span | undefined, side: Span['side']): string {
  if (!span || span.side !== side) return escapeHtml(text);
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return `${escapeHtml(text.slice(0, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`;
}

function example(item: ErrorItem, index: number, flag: Flag): string {
  const rows = [
    `<p><span class="side">src</span>${highlight(item.src, flag.span, 'src')}</p>`,
    `<p><span class="side">hyp</span>${highlight(item.hyp, flag.span, 'hyp')}</p>`,
    ...(item.ref === undefined ? [] : [`<p><span class="side">ref</span>${escapeHtml(item.ref)}</p>`]),
    ...(item.rtt === undefined ? [] : [`<p><span class="side">rtt</span>${escapeHtml(item.rtt)}</p>`]),
  ];
  const head = `<p><b>line ${index + 1}</b> · <span class="sev-${flag.severity}">${flag.severity}</span> · confidence ${flag.confidence.toFixed(2)} · ${escapeHtml(flag.message)}</p>`;
  return `<div class="ex">${head}${rows.join('')}</div>`;
}

function legend(): string {
  return `<p class="legend">${SEVERITIES.map((s) => `<span style="background:${SEVERITY_COLORS[s]}"></span>${s}`).join('')}</p>`;
}

export function renderErrorReport(analysis: ErrorAnalysis, items: readonly ErrorItem[], options: ErrorReportOptions = {}): string {
  const { summary } = analysis;
  const title = options.title ?? 'Translation error analysis';
  const perMode = options.examplesPerMode ?? 10;
  const modes = ERROR_MODES.filter((m) => analysis.options.modes.includes(m) || summary.byMode[m] > 0);

  // Severity split per mode, for the stacked bars.
  const severityByMode = new Map(modes.map((m) => [m, { low: 0, medium: 0, high: 0 } as Record<Severity, number>]));
  for (const { flags } of analysis.items) for (const f of flags) (severityByMode.get(f.mode) as Record<Severity, number>)[f.severity]++;
  const modeChart = svgBarChart(
    modes.map((m) => {
      const sev = severityByMode.get(m) as Record<Severity, number>;
      return { label: m, value: summary.byMode[m], parts: SEVERITIES.map((s) => ({ value: sev[s], color: SEVERITY_COLORS[s] })) };
    }),
    { title: 'Flags by mode and severity' },
  );
  const languages = Object.entries(summary.byLanguage).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const languageChart = svgBarChart(
    languages.map(([tag, c]) => ({ label: tag, value: c.flaggedItems, note: `${c.flaggedItems} / ${c.items} (${((100 * c.flaggedItems) / Math.max(1, c.items)).toFixed(1)}%)` })),
    { title: 'Flagged items by target language' },
  );
  const activeModes = modes.filter((m) => summary.byMode[m] > 0);
  const matrixHead = `<tr><th>language</th><th>items</th><th>flagged</th>${activeModes.map((m) => `<th>${escapeHtml(m)}</th>`).join('')}</tr>`;
  const matrixRows = languages
    .map(([tag, c]) => {
      const cells = activeModes.map((m) => `<td class="num${c.itemsByMode[m] === 0 ? ' zero' : ''}">${c.itemsByMode[m]}</td>`).join('');
      const langid = c.langidSupported === false ? ' <span class="warn" title="the LangID model does not know this language">(no LangID)</span>' : '';
      return `<tr><td>${escapeHtml(tag)}${langid}</td><td class="num">${formatCount(c.items)}</td><td class="num">${formatCount(c.flaggedItems)}</td>${cells}</tr>`;
    })
    .join('\n');

  const examples = activeModes
    .map((mode) => {
      const found: string[] = [];
      for (const { index, flags } of analysis.items) {
        for (const flag of flags) {
          if (flag.mode !== mode || found.length >= perMode) continue;
          const item = items[index];
          if (item) found.push(example(item, index, flag));
        }
        if (found.length >= perMode) break;
      }
      return `<details${found.length ? ' open' : ''}><summary><b>${escapeHtml(mode)}</b> — ${formatCount(summary.byMode[mode])} flags in ${formatCount(summary.itemsByMode[mode])} items</summary>${found.join('\n')}</details>`;
    })
    .join('\n');

  const inputs = Object.entries(options.inputs ?? {})
    .map(([k, v]) => `<code>${escapeHtml(k)}</code>: ${escapeHtml(v)}`)
    .join(' · ');
  const cards = [
    ['items', summary.items],
    ['flagged items', summary.flaggedItems],
    ['flags', summary.flags],
    ...SEVERITIES.map((s) => [`${s} severity`, summary.bySeverity[s]] as const),
  ]
    .map(([label, n]) => `<div class="card"><b>${formatCount(n as number)}</b>${escapeHtml(String(label))}</div>`)
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${inputs}</p>
<p class="muted">signature <code>${escapeHtml(summary.signature)}</code></p>
<div class="cards">${cards}</div>
<h2>Flags by mode</h2>
${legend()}
${modeChart}
<h2>Flagged items by language</h2>
${languageChart}
<h2>Items flagged, by language and mode</h2>
<table><thead>${matrixHead}</thead><tbody>
${matrixRows}
</tbody></table>
<h2>Examples</h2>
<p class="muted">The marked text is the span each flag concerns (in the source or the output).</p>
${examples}
</body></html>
`;
}
