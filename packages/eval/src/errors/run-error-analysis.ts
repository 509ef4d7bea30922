/**
 * `ntl eval errors` as a library call: read the segment files strictly, analyse, write `flags.jsonl` (one flag
 * per line), `summary.json` and `report.html` into the output folder.
 */
import { join } from 'node:path';
import { toTag, writeFileAtomic, writeJsonAtomic } from '@ntl/core';
import { checkSegmentCounts } from '../io/segment-files.js';
import type { LanguageClassifier } from '../rtt/language-classifier.js';
import { renderErrorReport } from '../report/error-report.js';
import { analyseErrors, type ErrorAnalysis } from './analyse-errors.js';
import type { ErrorOptions } from './detect-errors.js';
import type { ErrorItem } from './error-item.js';
import { readNonEmptySegments } from './input-files.js';
import type { TranslateFn } from './period-trick.js';
import { loadTermLists } from './term-lists.js';

export interface ErrorAnalysisRun {
  srcPath: string;
  hypPath: string;
  /** Target language of every line (`--tgt`). */
  tgt: string;
  /** Source language (`--src-lang`), optional. */
  srcLang?: string;
  refPath?: string;
  rttPath?: string;
  outDir: string;
  classifier?: LanguageClassifier;
  classifierName?: string;
  translate?: TranslateFn;
  /** Term-list file or folder for the toxicity detector. */
  termsPath?: string;
  options?: ErrorOptions;
}

export interface ErrorAnalysisFiles {
  flags: string;
  summary: string;
  report: string;
}

const readNonEmpty = (path: string) => readNonEmptySegments(path, 'analyse');

/** Every line's flags as JSONL: the 1-based line, the target, the flag, and the text of its span. */
export function flagsJsonl(analysis: ErrorAnalysis, items: readonly ErrorItem[]): string {
  const lines: string[] = [];
  for (const { index, tgt, flags } of analysis.items) {
    const item = items[index] as ErrorItem;
    for (const flag of flags) {
      const text = flag.span ? (flag.span.side === 'src' ? item.src : item.hyp).slice(flag.span.start, flag.span.end) : undefined;
      lines.push(JSON.stringify({ line: index + 1, tgt, ...flag, ...(text === undefined ? {} : { text }) }));
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export async function runErrorAnalysis(run: ErrorAnalysisRun): Promise<ErrorAnalysis & { files: ErrorAnalysisFiles }> {
  // Tags first: a typo in --tgt should not cost a read of large files.
  const tgt = toTag(run.tgt);
  const srcLang = run.srcLang === undefined ? undefined : toTag(run.srcLang);
  const hyp = readNonEmpty(run.hypPath);
  const src = readNonEmpty(run.srcPath);
  const ref = run.refPath === undefined ? undefined : readNonEmpty(run.refPath);
  const rtt = run.rttPath === undefined ? undefined : readNonEmpty(run.rttPath);
  checkSegmentCounts(hyp, [src, ...(ref ? [ref] : []), ...(rtt ? [rtt] : [])]);
  const items: ErrorItem[] = hyp.segments.map((h, i) => ({
    src: src.segments[i] as string,
    hyp: h,
    tgtLang: tgt,
    ...(srcLang === undefined ? {} : { srcLang }),
    ...(ref ? { ref: ref.segments[i] as string } : {}),
    ...(rtt ? { rtt: rtt.segments[i] as string } : {}),
  }));
  const options: ErrorOptions = { ...run.options, ...(run.termsPath === undefined ? {} : { toxicTerms: loadTermLists(run.termsPath) }) };
  const analysis = await analyseErrors(items, options, {
    ...(run.classifier ? { classifier: run.classifier } : {}),
    ...(run.classifierName === undefined ? {} : { classifierName: run.classifierName }),
    ...(run.translate ? { translate: run.translate } : {}),
  });
  const inputs: Record<string, string> = { src: run.srcPath, hyp: run.hypPath, tgt, ...(srcLang ? { srcLang } : {}), ...(run.refPath ? { ref: run.refPath } : {}), ...(run.rttPath ? { rtt: run.rttPath } : {}) };
  const files = { flags: join(run.outDir, 'flags.jsonl'), summary: join(run.outDir, 'summary.json'), report: join(run.outDir, 'report.html') };
  const { toxicTerms, ...settings } = analysis.options;
  writeFileAtomic(files.flags, flagsJsonl(analysis, items));
  writeJsonAtomic(files.summary, { inputs, ...analysis.summary, options: { ...settings, toxicTerms: toxicTerms ? Object.fromEntries([...toxicTerms].map(([tag, terms]) => [tag, terms.length])) : null } });
  writeFileAtomic(files.report, renderErrorReport(analysis, items, { inputs }));
  return { ...analysis, files };
}
