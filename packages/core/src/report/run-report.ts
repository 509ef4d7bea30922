import type { RunManifest } from '../run/finalize-run.js';
import type { StatsSnapshot } from '../stats.js';
import { REPORT_CSS, barTable, escapeHtml, formatBytes, formatCount, plainTable } from './html.js';
import { languageDrops, languageDropsTable } from './language-drops.js';
import { scoreHistogramSections } from './score-histograms.js';

interface StepFlow {
  step: string;
  docsIn: number;
  docsOut: number;
  ms: number;
}

/**
 * Steps in pipeline order, with the documents they took in and let through (`mapStep` counters;
 * a reader has no input, so its output is its `<step>.docs` count).
 */
function stepFlows(manifest: RunManifest, stats: StatsSnapshot): StepFlow[] {
  return manifest.pipeline.steps.map(({ use }) => ({
    step: use,
    docsIn: stats.counters[`${use}.docs_in`] ?? 0,
    docsOut: stats.counters[`${use}.docs_out`] ?? stats.counters[`${use}.docs`] ?? 0,
    ms: stats.timings[use]?.ms ?? 0,
  }));
}

function card(label: string, value: string): string {
  return `<div class="card"><b>${escapeHtml(value)}</b><span class="muted">${escapeHtml(label)}</span></div>`;
}

function dropRows(stats: StatsSnapshot): Array<{ cells: string[]; value: number }> {
  return Object.entries(stats.counters)
    .filter(([key]) => key.includes('.dropped.'))
    .sort(([, a], [, b]) => b - a)
    .map(([key, value]) => {
      const [step, reason] = key.split('.dropped.') as [string, string];
      return { cells: [step, reason, formatCount(value)], value };
    });
}

function filtersByLanguage(manifest: RunManifest, stats: StatsSnapshot): string[] {
  const table = languageDropsTable(languageDrops(stats), manifest.pipeline.steps.map((step) => step.use));
  if (!table) return [];
  return ['<h2>Filters by language</h2>', '<p class="muted">Per language and filter: documents (d) and sentences (s) dropped (or, in annotate mode, that would be dropped) of those judged; blue kept, red dropped.</p>', table];
}

function scoreHistograms(manifest: RunManifest, stats: StatsSnapshot): string[] {
  const sections = scoreHistogramSections(stats.histograms ?? {}, manifest.pipeline.steps.map((step) => step.use));
  if (sections.length === 0) return [];
  return [
    '<h2>Score histograms</h2>',
    '<p class="muted">How each language\'s documents and sentences scored on every measure a threshold bounds, per filter: red lines are that language\'s thresholds, red bars the scores wholly on the dropped side. Units an earlier step dropped or a filter skipped are not scored.</p>',
    ...sections,
  ];
}

/** The run's report.html: one offline page with counts, bytes, drop and dedup rates and damaged inputs. */
export function renderRunReport(manifest: RunManifest, stats: StatsSnapshot): string {
  const corpus = Object.entries(manifest.counts.corpus).sort(([, a], [, b]) => b.bytes - a.bytes);
  const totalDocs = corpus.reduce((sum, [, counts]) => sum + counts.docs, 0);
  const totalBytes = corpus.reduce((sum, [, counts]) => sum + counts.bytes, 0);
  const inputBytes = manifest.inputs.reduce((sum, input) => sum + Math.max(input.size, 0), 0);
  const flows = stepFlows(manifest, stats);
  const damage = stats.events['damage'] ?? [];
  const sections = [
    `<h1>${escapeHtml(manifest.name)} — run report</h1>`,
    `<p class="muted">config ${escapeHtml(manifest.configHash)} · ${manifest.tasks} task(s) · ${Object.entries(manifest.versions)
      .map(([name, version]) => `${escapeHtml(name)} ${escapeHtml(version)}`)
      .join(' · ')}</p>`,
    `<div class="cards">${[
      card('input files', formatCount(manifest.inputs.length)),
      card('input size', formatBytes(inputBytes)),
      card('damaged inputs', formatCount(manifest.counts.damagedInputs)),
      card('documents written', formatCount(totalDocs)),
      card('languages', formatCount(corpus.length)),
      card('corpus text', formatBytes(totalBytes)),
    ].join('')}</div>`,
    '<h2>Steps</h2>',
    barTable(
      ['step', 'docs in', 'docs out', 'kept', 'time'],
      flows.map((flow) => ({
        cells: [flow.step, formatCount(flow.docsIn), formatCount(flow.docsOut), flow.docsIn ? `${((100 * flow.docsOut) / flow.docsIn).toFixed(1)}%` : '—', `${(flow.ms / 1000).toFixed(2)} s`],
        value: flow.docsOut,
      })),
    ),
    '<h2>Corpus by language</h2>',
    corpus.length
      ? barTable(
          ['language', 'documents', 'characters', 'bytes'],
          corpus.map(([tag, counts]) => ({ cells: [tag, formatCount(counts.docs), formatCount(counts.chars), formatBytes(counts.bytes)], value: counts.bytes })),
        )
      : '<p class="warn">No document was written.</p>',
    '<h2>Dropped, by step and reason</h2>',
    dropRows(stats).length ? barTable(['step', 'reason', 'count'], dropRows(stats)) : '<p class="muted">Nothing was dropped.</p>',
    ...filtersByLanguage(manifest, stats),
    ...scoreHistograms(manifest, stats),
    `<h2>Damaged inputs (${formatCount(manifest.counts.damagedInputs)})</h2>`,
    damage.length
      ? plainTable(
          ['file', 'offset', 'kind', 'message'],
          damage.map((event) => [String(event['path']), event['offset'] === null ? '—' : String(event['offset']), String(event['kind']), String(event['message'])]),
        )
      : '<p class="muted">No damaged input.</p>',
    '<h2>Inputs</h2>',
    plainTable(
      ['file', 'size', 'sha256'],
      manifest.inputs.map((input) => [input.path, input.size < 0 ? 'missing' : formatBytes(input.size), input.sha256?.slice(0, 16) ?? '—']),
    ),
    `<details><summary>All counters (${Object.keys(stats.counters).length})</summary>${plainTable(
      ['counter', 'value'],
      Object.entries(stats.counters).map(([key, value]) => [key, formatCount(value)]),
    )}</details>`,
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(manifest.name)} report</title><style>${REPORT_CSS}</style></head><body>\n${sections.join('\n')}\n</body></html>\n`;
}
