/**
 * `ntl eval errors`: the error-mode detectors of @ntl/eval over a source file and its translation
 * (docs/eval-errors.md), with @ntl/langid's model for the wrong-language detector. Writes flags.jsonl,
 * summary.json and report.html; prints flags per mode.
 */
import { ERROR_MODES, runErrorAnalysis, type ErrorSummary } from '@ntl/eval';
import type { Command } from 'commander';
import { loadModelChoice } from './langid-model.js';
import { checkInputFiles, inputError, parseLanguageTag } from './eval-inputs.js';

interface ErrorsCommandOptions {
  src: string;
  hyp: string;
  tgt: string;
  srcLang?: string;
  ref?: string;
  rtt?: string;
  out: string;
  model?: string;
  terms?: string;
  json?: boolean;
}

/** Flags and flagged lines per mode (modes without flags left out), the totals, then the signature. */
function formatFlagTable(summary: ErrorSummary): string {
  const rows: Array<[string, string, string]> = [['mode', 'flags', 'lines']];
  for (const mode of ERROR_MODES) {
    if (summary.byMode[mode] > 0) rows.push([mode, String(summary.byMode[mode]), String(summary.itemsByMode[mode])]);
  }
  rows.push(['all', String(summary.flags), `${summary.flaggedItems} of ${summary.items}`]);
  const width = (column: 0 | 1 | 2) => Math.max(...rows.map((row) => row[column].length));
  const [modeWidth, flagsWidth, linesWidth] = [width(0), width(1), width(2)];
  const table = rows.map(([mode, flags, lines]) => `${mode.padEnd(modeWidth)}  ${flags.padStart(flagsWidth)}  ${lines.padStart(linesWidth)}`);
  return [...table, summary.signature].join('\n');
}

export function registerEvalErrorsCommand(evalCommand: Command): void {
  evalCommand
    .command('errors')
    .description('Flag error modes in translations (wrong language or script, copies, loops, lost numbers, empty output, …): flags.jsonl, summary.json and report.html.')
    .requiredOption('--src <file>', 'source segments, one per line (UTF-8)')
    .requiredOption('--hyp <file>', 'the translations, line-aligned with --src')
    .requiredOption('--tgt <tag>', 'language of the translations (xxx_Xxxx, BCP 47 or ISO 639)', parseLanguageTag)
    .option('--src-lang <tag>', 'language of the source', parseLanguageTag)
    .option('--ref <file>', 'reference translations, line-aligned')
    .option('--rtt <file>', 'round trips: the translations translated back into the source language, line-aligned')
    .requiredOption('--out <dir>', 'folder for flags.jsonl, summary.json and report.html')
    .option('--model <dir>', 'LangID model folder for the wrong-language detector (default: models/langid-full when built, else models/langid-udhr)')
    .option('--terms <path>', 'toxicity term list: "tag<TAB>term" lines, a file or a folder of .tsv/.txt files')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nExample:\n  ntl eval errors --src test.eng --hyp test.fra.out --tgt fra --src-lang eng --ref test.fra --out errors/')
    .action(async (options: ErrorsCommandOptions) => {
      const files = [options.src, options.hyp, options.ref, options.rtt].filter((path): path is string => path !== undefined);
      checkInputFiles(files);
      // The term list may be a folder; loadTermLists reports its own problems.
      const inputs = options.terms === undefined ? files : [...files, options.terms];
      const langid = await loadModelChoice(options.model === undefined ? {} : { model: options.model });
      try {
        const analysis = await runErrorAnalysis({
          srcPath: options.src,
          hypPath: options.hyp,
          tgt: options.tgt,
          ...(options.srcLang === undefined ? {} : { srcLang: options.srcLang }),
          ...(options.ref === undefined ? {} : { refPath: options.ref }),
          ...(options.rtt === undefined ? {} : { rttPath: options.rtt }),
          ...(options.terms === undefined ? {} : { termsPath: options.terms }),
          outDir: options.out,
          classifier: langid.classifier,
          classifierName: langid.name,
        });
        const { summary, files: written } = analysis;
        const printed = options.json ? JSON.stringify({ ...summary, files: written }, null, 1) : `${formatFlagTable(summary)}\nwrote ${written.flags}, ${written.summary}, ${written.report}`;
        process.stdout.write(`${printed}\n`);
      } catch (error) {
        throw inputError(error, inputs);
      } finally {
        langid.classifier.dispose();
      }
    });
}
