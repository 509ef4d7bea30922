/**
 * The report's score histograms: for each filter, thresholded measure and unit kind, one small chart per
 * language of how its units scored, with the language's thresholds drawn as red lines and the bins wholly
 * on the dropped side in red. A linguist sees whether a threshold cuts into the body of a language's
 * distribution or only its tail. Inline SVG, so the report stays one offline file.
 */
import { axisPosition, binRange, type HistogramMark, type HistogramScale, type HistogramSnapshot } from '../histogram.js';
import { escapeHtml, formatCount } from './html.js';

const KEY = /^(.+)\.lang\.([^.]+)\.(sentences\.)?([^.]+)$/;
/** Languages drawn per measure, the most-scored first; the rest stay in stats.json. */
export const MAX_LANGUAGES_PER_MEASURE = 30;
/** A log axis is stretched to a threshold this many bins (two octaves) beyond the data, and no further. */
const MARK_REACH_BINS = 8;

const WIDTH = 190;
const PLOT_HEIGHT = 44;
const TOP = 14;
const BOTTOM = 12;

interface LanguageHistogram {
  readonly tag: string;
  readonly histogram: HistogramSnapshot;
  readonly total: number;
}

/** `step → "<measure> (<unit>)" → languages`, in key order. */
type HistogramGroups = Map<string, Map<string, LanguageHistogram[]>>;

function groupHistograms(histograms: Record<string, HistogramSnapshot>): HistogramGroups {
  const groups: HistogramGroups = new Map();
  for (const [key, histogram] of Object.entries(histograms)) {
    const match = KEY.exec(key);
    if (!match) continue;
    const [, step, tag, sentences, measure] = match as unknown as [string, string, string, string | undefined, string];
    let byMeasure = groups.get(step);
    if (!byMeasure) groups.set(step, (byMeasure = new Map()));
    const label = `${measure} (${sentences ? 'sentences' : 'documents'})`;
    let languages = byMeasure.get(label);
    if (!languages) byMeasure.set(label, (languages = []));
    languages.push({ tag, histogram, total: Object.values(histogram.bins).reduce((sum, count) => sum + count, 0) });
  }
  return groups;
}

export function formatScore(scale: HistogramScale, value: number): string {
  if (value === -Infinity) return '0';
  if (scale === 'share') return value.toFixed(2);
  if (value >= 100) return formatCount(Math.round(value));
  return Number(value.toPrecision(2)).toString();
}

/** Whether every value bin `bin` holds is dropped by `mark`. */
function binDropped(scale: HistogramScale, bin: number, mark: HistogramMark): boolean {
  const [low, high] = binRange(scale, bin);
  return mark.bound === 'min' ? high <= mark.value : low > mark.value;
}

/**
 * The bins the axis shows: a share axis always spans [0, 1]; a log axis spans the occupied bins, stretched
 * to thresholds near them, with the zero bin drawn apart on the left when it is occupied and far from the rest.
 */
function axisBins(histogram: HistogramSnapshot): { first: number; last: number; zeroApart: boolean } {
  if (histogram.scale === 'share') return { first: 0, last: 19, zeroApart: false };
  const occupied = Object.keys(histogram.bins).map(Number);
  let first = Math.min(...occupied);
  let last = Math.max(...occupied);
  const zeroApart = first === 0 && occupied.some((bin) => bin > 1);
  if (zeroApart) first = Math.min(...occupied.filter((bin) => bin > 0));
  // A mark at 0 sits on the zero bin's edge, which is always drawn: it must not stretch the axis to 2^-10.
  for (const mark of histogram.marks.filter((candidate) => candidate.value > 0)) {
    const bin = Math.floor(axisPosition('log', mark.value));
    if (bin >= first - MARK_REACH_BINS && bin < first) first = Math.max(bin, 1);
    if (bin <= last + MARK_REACH_BINS && bin > last) last = bin;
  }
  return { first, last, zeroApart };
}

function chart({ tag, histogram, total }: LanguageHistogram, measureLabel: string): string {
  const { scale, marks, bins } = histogram;
  const { first, last, zeroApart } = axisBins(histogram);
  const columns = last - first + 1 + (zeroApart ? 1.5 : 0);
  const width = WIDTH / columns;
  const offset = zeroApart ? 1.5 * width : 0;
  const xOf = (bin: number): number => (bin === 0 && zeroApart ? 0 : offset + (bin - first) * width);
  const peak = Math.max(...Object.values(bins));
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const [key, count] of Object.entries(bins)) {
    const bin = Number(key);
    const height = Math.max(1, (PLOT_HEIGHT * count) / peak);
    const path = `M${xOf(bin).toFixed(1)} ${(TOP + PLOT_HEIGHT).toFixed(1)}h${(width * 0.9).toFixed(1)}v-${height.toFixed(1)}h-${(width * 0.9).toFixed(1)}z`;
    (marks.some((mark) => binDropped(scale, bin, mark)) ? dropped : kept).push(path);
  }
  const lines: string[] = [];
  const offAxis: string[] = [];
  for (const mark of marks) {
    const position = axisPosition(scale, mark.value);
    const x = position <= 1 && zeroApart ? width : offset + (position - first) * width;
    const label = `${mark.name} ${mark.bound === 'min' ? '≥' : '≤'} ${formatScore(scale, mark.value)}`;
    if (x < offset - 1e-9 && !(position <= 1 && zeroApart)) offAxis.push(`${label} ←`);
    else if (x > WIDTH + 1e-9) offAxis.push(`${label} →`);
    else lines.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${TOP - 2}" y2="${TOP + PLOT_HEIGHT}" stroke="#cf222e" stroke-width="1.5"><title>${escapeHtml(label)}</title></line>`);
  }
  const low = zeroApart ? '0' : formatScore(scale, binRange(scale, first)[0]);
  const high = formatScore(scale, binRange(scale, last)[1]);
  const title = `${tag} · ${measureLabel}: ${formatCount(total)} scored; ${marks.map((mark) => `${mark.name} ${mark.bound === 'min' ? '≥' : '≤'} ${formatScore(scale, mark.value)}`).join(', ') || 'no threshold drawn'}`;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  return (
    `<figure class="hist"><svg width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>` +
    `<text x="0" y="10" font-size="10">${escapeHtml(tag)} · ${formatCount(total)}</text>` +
    `<path d="M0 ${TOP + PLOT_HEIGHT}.5h${WIDTH}" stroke="#d0d7de"/>` +
    (kept.length ? `<path d="${kept.join('')}" fill="#54aeff"/>` : '') +
    (dropped.length ? `<path d="${dropped.join('')}" fill="#ff8182"/>` : '') +
    lines.join('') +
    `<text x="0" y="${height - 1}" font-size="9" fill="#57606a">${escapeHtml(low)}</text>` +
    `<text x="${WIDTH}" y="${height - 1}" font-size="9" fill="#57606a" text-anchor="end">${escapeHtml(high)}${scale === 'log' ? ' (log)' : ''}</text>` +
    `</svg>${offAxis.length ? `<figcaption class="muted">${escapeHtml(offAxis.join(' · '))}</figcaption>` : ''}</figure>`
  );
}

/** The report section's body, or [] when no step kept histograms. */
export function scoreHistogramSections(histograms: Record<string, HistogramSnapshot>, stepOrder: readonly string[]): string[] {
  const groups = groupHistograms(histograms);
  if (groups.size === 0) return [];
  const steps = [...stepOrder.filter((step) => groups.has(step)), ...[...groups.keys()].filter((step) => !stepOrder.includes(step)).sort()];
  return steps.map((step) => {
    const byMeasure = groups.get(step) as Map<string, LanguageHistogram[]>;
    const measures = [...byMeasure].map(([label, languages]) => {
      const shown = languages.filter((language) => language.total > 0).sort((a, b) => b.total - a.total || (a.tag < b.tag ? -1 : 1));
      const omitted = shown.length - MAX_LANGUAGES_PER_MEASURE;
      return (
        `<h3>${escapeHtml(label)}</h3><div class="hists">${shown.slice(0, MAX_LANGUAGES_PER_MEASURE).map((language) => chart(language, label)).join('')}</div>` +
        (omitted > 0 ? `<p class="muted">and ${formatCount(omitted)} more languages with fewer scored units (stats.json, "histograms").</p>` : '')
      );
    });
    return `<details><summary>${escapeHtml(step)} — ${formatCount(byMeasure.size)} measure(s)</summary>\n${measures.join('\n')}\n</details>`;
  });
}
