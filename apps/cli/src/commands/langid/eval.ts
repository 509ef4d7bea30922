/** `ntl langid eval`: accuracy, macro-F1, per-language P/R/F1/FPR, confusions and calibration of a model on gold data. */
import { evalCommand, lowRecallLanguages, MACRO_MODES, SeedFormatError, type EvalFormat, type EvalMetrics, type MacroMode } from '@ntl/langid';
import { Option, type Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { parsePositiveInteger } from '../arguments.js';
import { loadModelChoice, type ModelChoice } from '../langid-model.js';

interface EvalOptions extends ModelChoice {
  data: string;
  split: string;
  out?: string;
  format: EvalFormat;
  macro: MacroMode;
  json?: boolean;
  top: number;
  reject?: boolean;
  refiners: boolean;
}

const pct = (value: number): string => (value * 100).toFixed(2);

function summary(metrics: EvalMetrics, signature: string, files: readonly string[], top: number): string {
  const low = lowRecallLanguages(metrics);
  const lines = [
    `sentences ${metrics.sentences}, languages ${metrics.languages}`,
    `accuracy ${pct(metrics.accuracy)}  macro-F1 ${pct(metrics.macroF1)}  mean FPR ${(metrics.meanFpr * 100).toFixed(4)}  und ${pct(metrics.undRate)}  ECE ${metrics.calibration.ece.toFixed(4)}`,
    `top confusions: ${metrics.confusions.slice(0, top).map((c) => `${c.gold}→${c.predicted} ${c.count}`).join(', ') || '(none)'}`,
    `under 0.8 recall (${low.length}): ${low.slice(0, top).map((l) => `${l.tag} ${l.recall.toFixed(2)}${l.mainConfusion ? ` (→${l.mainConfusion.tag})` : ''}`).join(', ') || '(none)'}`,
    signature,
    ...files.map((file) => `wrote ${file}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerLangIdEval(langid: Command): void {
  langid
    .command('eval')
    .description('Evaluate a LangID model on gold data; writes eval.json and eval.html (reliability diagram, per-language table) with --out.')
    .requiredOption('--data <path>', 'a tag<TAB>text file, or a FLORES/SIB-style folder <xxx_Xxxx>/<split>.tsv')
    .option('--split <name>', 'split of a FLORES/SIB folder', 'dev')
    .option('--model <dir>', 'model folder (default: models/langid-full when built, else models/langid-udhr)')
    .option('--neural', "evaluate stage 1 combined with the folder's SSLID neural stage")
    .option('--out <dir>', 'write eval.json / eval.html here')
    .addOption(new Option('--format <format>', 'files written with --out').choices(['json', 'html', 'both']).default('both'))
    .addOption(new Option('--macro <mode>', 'macrolanguages: no (exact tags), nested (a macrolanguage label counts for its members), fold').choices([...MACRO_MODES]).default('nested'))
    .option('--reject', "apply the model's per-language reject thresholds (und_Zyyy answers count as wrong), as the corpus pipeline does")
    .option('--no-refiners', "stage 1 alone: do not let the folder's cluster refiners decide inside confusable clusters (A/B, speed)")
    .option('--json', 'print the whole result as JSON instead of the summary')
    .option('--top <n>', 'confusions and low-recall languages listed', parsePositiveInteger, 10)
    .addHelpText('after', '\nExample:\n  ntl langid eval --data ../shared/data/flores200-sib --split dev --out out/langid-eval')
    .action(async (options: EvalOptions) => {
      const { classifier, identity } = await loadModelChoice(options);
      try {
        const reject = options.reject ?? false;
        const refine = options.refiners;
        const { result, files } = await evalCommand({
          classifier: { languages: classifier.languages, predict: (texts) => classifier.predict(texts, { reject, refine }) },
          // The reject rule and turning the refiners off change every number: the signature names them.
          model: { ...identity, name: `${identity.name}${reject ? '+reject' : ''}${refine ? '' : '+no-refiners'}` },
          dataPath: options.data,
          split: options.split,
          format: options.format,
          macro: options.macro,
          ...(options.out ? { out: options.out } : {}),
        }).catch((error: unknown) => {
          if (error instanceof SeedFormatError) throw new CliError(error.message, EXIT.usage);
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') throw new CliError(`${options.data}: no such file or folder`, EXIT.usage);
          throw error;
        });
        process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : summary(result.all, result.signature, files, options.top));
      } finally {
        classifier.dispose();
      }
    });
}
