/** The self-contained HTML report of an evaluation (opens offline: inline CSS, SVG and a few lines of script). */
import { escapeHtml, formatCount, languageInfo, plainTable, REPORT_CSS } from '@ntl/core';
import type { EvalResult } from './evaluate.js';
import { lowRecallLanguages, type EvalMetrics, type LanguageMetrics } from './metrics.js';
import { reliabilityDiagramSvg } from './reliability-svg.js';

export interface EvalReportOptions {
  readonly title?: string;
  /** Recall below this is flagged and explained by the language's main confusion. Default 0.8 (the issue's goal). */
  readonly lowRecall?: number;
  /** Confusions listed. Default 50. */
  readonly confusions?: number;
}

const fixed = (value: number, digits = 3): string => value.toFixed(digits);
const nameOf = (tag: string): string => languageInfo(tag.slice(0, 3))?.name ?? '';
/** "arb_Arab (12 of 99)", and for rejected answers "und_Zyyy 61 of 99, best guess arb_Arab (40)". */
function confusionText(language: LanguageMetrics): string {
  const parts: string[] = [];
  if (language.mainConfusion) parts.push(`${language.mainConfusion.tag} (${language.mainConfusion.count} of ${language.support})`);
  if (language.undetermined > 0) {
    const guess = language.rejectedBestGuess;
    const guessText = guess ? `, rejected best guess ${guess.tag === language.tag ? 'itself' : guess.tag} (${guess.count})` : '';
    parts.push(`und_Zyyy ${language.undetermined} of ${language.support}${guessText}`);
  }
  return parts.join('; ');
}

/** Sorts a table by the clicked column, numerically where the cells carry data-v (numbers). */
const SORT_SCRIPT = `document.querySelectorAll('table.sortable th').forEach((th,i)=>th.addEventListener('click',()=>{
const body=th.closest('table').tBodies[0];const dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir===1?'asc':'desc';
const key=(r)=>{const c=r.cells[i];return c.dataset.v!==undefined?Number(c.dataset.v):c.textContent};
[...body.rows].sort((a,b)=>{const x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*dir}).forEach((r)=>body.appendChild(r));}));`;

function cards(metrics: EvalMetrics): string {
  const items: Array<[string, string]> = [
    ['accuracy', fixed(metrics.accuracy)],
    ['macro-F1', fixed(metrics.macroF1)],
    ['mean FPR', fixed(metrics.meanFpr, 5)],
    ['und rate', fixed(metrics.undRate)],
    ['ECE (15 bins)', fixed(metrics.calibration.ece)],
    ['sentences', formatCount(metrics.sentences)],
    ['languages', formatCount(metrics.languages)],
  ];
  return `<div class="cards">${items.map(([label, value]) => `<div class="card"><b>${value}</b>${escapeHtml(label)}</div>`).join('')}</div>`;
}

function languageTable(metrics: EvalMetrics, lowRecall: number): string {
  const number = (value: number, digits = 3): string => `<td class="num" data-v="${value}">${value.toFixed(digits)}</td>`;
  const rows = metrics.perLanguage
    .map((language) => {
      const flagged = language.recall < lowRecall ? ' class="warn"' : '';
      return (
        `<tr${flagged}><td>${escapeHtml(language.tag)}</td><td>${escapeHtml(nameOf(language.tag))}</td>` +
        `<td class="num" data-v="${language.support}">${language.support}</td>` +
        `${number(language.precision)}${number(language.recall)}${number(language.f1)}${number(language.fpr, 5)}` +
        `<td>${escapeHtml(confusionText(language))}</td></tr>`
      );
    })
    .join('\n');
  const head = ['tag', 'language', 'support', 'precision', 'recall', 'F1', 'FPR', 'main confusion; und_Zyyy'].map((h) => `<th>${h}</th>`).join('');
  return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function renderEvalReport(result: EvalResult, options: EvalReportOptions = {}): string {
  const { lowRecall = 0.8, confusions = 50 } = options;
  const { all, supportedOnly, settings } = result;
  const title = options.title ?? `LangID evaluation: ${settings.model.name} on ${settings.data.name}`;
  const weak = lowRecallLanguages(all, lowRecall);
  const weakTable =
    weak.length === 0
      ? `<p>Every language reaches recall ${lowRecall}.</p>`
      : plainTable(
          ['tag', 'language', 'recall', 'explanation: most often predicted instead; und_Zyyy answers'],
          weak.map((language) => [language.tag, nameOf(language.tag), fixed(language.recall), confusionText(language) || '—']),
        );
  const confusionTable = plainTable(
    ['gold', 'predicted', 'sentences'],
    all.confusions.slice(0, confusions).map(({ gold, predicted, count }) => [gold, predicted, String(count)]),
  );
  const supportedSection = supportedOnly
    ? `<h2>Over the gold languages the classifier supports</h2>${cards(supportedOnly)}<p class="muted"><code>${escapeHtml(supportedOnly.signature)}</code></p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}
tr.warn td{background:#fff8c5}th{cursor:pointer}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p><code>${escapeHtml(result.signature)}</code></p>
${cards(all)}
${supportedSection}
<h2>Languages below recall ${lowRecall} (${weak.length})</h2>
${weakTable}
<h2>Per language</h2>
<p class="muted">FPR: share of the other languages' sentences given this language's label. Click a header to sort.</p>
${languageTable(all, lowRecall)}
<h2>Top confusions</h2>
${confusionTable}
<h2>Calibration</h2>
<p>Expected calibration error ${fixed(all.calibration.ece)} over ${formatCount(all.calibration.bins.reduce((sum, bin) => sum + bin.count, 0))} determined predictions.</p>
${reliabilityDiagramSvg(all.calibration.bins)}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}
