/** Horizontal bar charts as inline SVG, so reports open offline with no script or stylesheet to fetch. */
import { escapeHtml } from '@ntl/core';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar; defaults to the value. */
  note?: string;
  /** Bar segments that stack to `value` (e.g. by severity), each with its fill colour. */
  parts?: ReadonlyArray<{ value: number; color: string }>;
}

export interface BarChartOptions {
  title: string;
  /** Width of the bar area in px. Default 420. */
  width?: number;
  color?: string;
}

const ROW = 20;
const LABEL = 170;
const NOTE = 160;

export function svgBarChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 420;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = ROW * bars.length + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const segments = bar.parts ?? [{ value: bar.value, color: options.color ?? '#54aeff' }];
    let x = LABEL;
    const rects = segments
      .filter((p) => p.value > 0)
      .map((p) => {
        const w = (width * p.value) / max;
        const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${escapeHtml(p.color)}"/>`;
        x += w;
        return rect;
      })
      .join('');
    const label = `<text x="${LABEL - 6}" y="${y + ROW - 6}" text-anchor="end">${escapeHtml(bar.label)}</text>`;
    const note = `<text x="${(x + 6).toFixed(1)}" y="${y + ROW - 6}">${escapeHtml(bar.note ?? String(bar.value))}</text>`;
    return `<g>${label}${rects}${note}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${LABEL + width + NOTE}" height="${height}" font-size="12" font-family="system-ui,sans-serif"><title>${escapeHtml(options.title)}</title>${rows.join('')}</svg>`;
}
