/**
 * The report's "Filters by language" chart: for each language and filter, how many documents and sentences
 * the filter kept and dropped (or would drop, in annotate mode), read from the per-language counters filter
 * steps write (`<step>.lang.<tag>.[sentences.]kept|dropped.<reason>|would_drop.<reason>`). A linguist sees at
 * a glance which filter removes most of a language. Inline SVG: the report stays one offline file.
 */
import type { StatsSnapshot } from '../stats.js';
import { escapeHtml, formatCount } from './html.js';

export interface KeptDropped {
  kept: number;
  dropped: number;
}

/** `language → step → unit → counts`, units being `documents` and `sentences`. */
export type LanguageDrops = Map<string, Map<string, Record<'documents' | 'sentences', KeptDropped>>>;

const PER_LANGUAGE = /^(.+)\.lang\.([^.]+)\.(sentences\.)?(kept|dropped|would_drop)(?:\.[^.]+)?$/;

export function languageDrops(stats: StatsSnapshot): LanguageDrops {
  const byLanguage: LanguageDrops = new Map();
  for (const [key, value] of Object.entries(stats.counters)) {
    const match = PER_LANGUAGE.exec(key);
    if (!match) continue;
    const [, step, tag, sentences, outcome] = match as unknown as [string, string, string, string | undefined, string];
    let bySteps = byLanguage.get(tag);
    if (!bySteps) byLanguage.set(tag, (bySteps = new Map()));
    let units = bySteps.get(step);
    if (!units) bySteps.set(step, (units = { documents: { kept: 0, dropped: 0 }, sentences: { kept: 0, dropped: 0 } }));
    const counts = units[sentences ? 'sentences' : 'documents'];
    if (outcome === 'kept') counts.kept += value;
    else counts.dropped += value;
  }
  return byLanguage;
}

const BAR_WIDTH = 80;

/** One unit's kept (blue) and dropped (red) shares as a bar, with the counts in its tooltip and beside it. */
function bar(unit: string, { kept, dropped }: KeptDropped): string {
  const total = kept + dropped;
  if (total === 0) return '';
  const droppedWidth = Math.round((BAR_WIDTH * dropped) / total);
  const title = `${unit}: ${formatCount(kept)} kept, ${formatCount(dropped)} dropped`;
  return (
    `<div><svg width="${BAR_WIDTH}" height="8" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>` +
    `<rect width="${BAR_WIDTH - droppedWidth}" height="8" fill="#54aeff"/><rect x="${BAR_WIDTH - droppedWidth}" width="${droppedWidth}" height="8" fill="#cf222e"/></svg>` +
    ` <span class="muted">${unit === 'documents' ? 'd' : 's'} ${formatCount(dropped)}/${formatCount(total)}</span></div>`
  );
}

/** The chart as a table (languages × filter steps, in pipeline order), or '' when no step counted by language. */
export function languageDropsTable(drops: LanguageDrops, stepOrder: readonly string[]): string {
  if (drops.size === 0) return '';
  const present = new Set([...drops.values()].flatMap((bySteps) => [...bySteps.keys()]));
  const steps = [...stepOrder.filter((step) => present.has(step)), ...[...present].filter((step) => !stepOrder.includes(step)).sort()];
  const head = ['language', ...steps].map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const rows = [...drops.keys()].sort().map((tag) => {
    const bySteps = drops.get(tag);
    const cells = steps.map((step) => {
      const units = bySteps?.get(step);
      return `<td>${units ? bar('documents', units.documents) + bar('sentences', units.sentences) : ''}</td>`;
    });
    return `<tr><td>${escapeHtml(tag)}</td>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
