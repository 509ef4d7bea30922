/** The evaluation as text tables (`ntl filter eval`, bench/filter/precision.js). */
import type { DropTally } from './dropped-units.js';
import type { RunEvaluation } from './evaluate-run.js';

const num = (value: number | null): string => (value === null ? '-' : value.toFixed(3));

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** What each step dropped and how much of it was in-language text (dropped-units.ts). */
export function formatDrops(drops: readonly DropTally[]): string[] {
  return [
    'dropped (in-language: text in the language its document was labelled with, of those the truth can judge)',
    ...table(
      ['step', 'docs', 'in-language', 'sentences', 'in-language', 'reasons'],
      drops.map((d) => [
        d.step,
        String(d.documents),
        `${d.documentsInLanguage}/${d.documentsJudged}`,
        String(d.sentences),
        `${d.sentencesInLanguage}/${d.sentencesJudged}`,
        Object.entries(d.reasons)
          .sort((a, b) => b[1] - a[1])
          .map(([reason, n]) => `${reason} ${n}`)
          .join(', '),
      ]),
    ),
  ];
}

export function formatEvaluation(result: RunEvaluation): string {
  const lines: string[] = [];
  const source = result.ablation.length ? `${result.configuration}, recomputed from the annotate-mode records` : result.configuration;
  lines.push(`per language (${source}); precision by kept sentences (chars: by code points), recall by distinct truth sentences`);
  lines.push(
    ...table(
      ['tag', 'kept', 'precision', 'chars', 'recall', 'truth', 'median'],
      result.perLanguage.map((r) => [r.tag, String(r.keptSentences), num(r.precision), num(r.charPrecision), num(r.recall), String(r.truthSentences), r.inMedian ? 'yes' : 'no']),
    ),
  );
  lines.push('');
  lines.push(
    `median precision ${num(result.medianPrecision)} (chars ${num(result.medianCharPrecision)}) over the ${result.languagesKept} of them that kept text; median recall ${num(result.medianRecall)} over ${result.languagesInMedian} languages with >= ${result.minSentences} truth sentences`,
  );
  if (result.ablation.length) {
    lines.push('', 'ablation (medians over the same languages; precision over those that kept text)');
    lines.push(
      ...table(
        ['configuration', 'kept', 'languages', 'precision', 'chars', 'recall'],
        result.ablation.map((a) => [a.configuration, String(a.keptSentences), String(a.languagesKept), num(a.medianPrecision), num(a.medianCharPrecision), num(a.medianRecall)]),
      ),
    );
  } else {
    lines.push('', 'ablation: not available (the filters did not all run with "mode": "annotate"; see pipelines/filter-ablation.json)');
  }
  if (result.drops.length) lines.push('', ...formatDrops(result.drops));
  lines.push('', `documents ${result.documents} (without truth row: ${result.unjoinedDocuments}), kept sentences the truth has no text for: ${result.unlabelledSentences}`);
  lines.push(result.signature);
  return `${lines.join('\n')}\n`;
}
