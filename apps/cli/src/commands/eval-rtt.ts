/**
 * `ntl eval rtt`: RTTLangIDChrF (Bapna et al. 2022, §4; docs/eval-errors.md) of source → forward → back
 * translation files, with @ntl/langid's model judging the forward translations. Printed as sacrebleu prints a
 * score: `signature = score`, or a JSON object.
 */
import { sameLanguage } from '@ntl/core';
import { runRttLangIdChrf, type RttResult, type RttVariant } from '@ntl/eval';
import { Option, type Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { parsePositiveInteger } from './arguments.js';
import { loadModelChoice } from './langid-model.js';
import { checkInputFiles, inputError, parseLanguageTag } from './eval-inputs.js';

const VARIANTS: readonly RttVariant[] = ['strict', 'loose'];

interface RttCommandOptions {
  src: string;
  fwd: string;
  back: string;
  srcLang: string;
  tgt: string;
  variant: RttVariant;
  model?: string;
  json?: boolean;
  width: number;
}

/** `RTTLangIDChrF|variant:…|… = 41.27 (kept 3 of 5, round-trip chrF 68.90)`; kept is LangID's probability mass when loose. */
function formatRtt(result: RttResult, width: number): string {
  const kept = result.variant === 'strict' ? String(result.kept) : result.kept.toFixed(width);
  return `${result.signature} = ${result.score.toFixed(width)} (kept ${kept} of ${result.n}, round-trip chrF ${result.rttChrf.toFixed(width)})`;
}

/** sacrebleu's JSON shape (`name`, `score`, `signature`, numbers rounded to `--width`) plus the metric's own fields. */
function rttJson(result: RttResult, options: RttCommandOptions): string {
  const round = (value: number) => Number(value.toFixed(options.width));
  const object = {
    name: 'RTTLangIDChrF',
    score: round(result.score),
    signature: result.signature,
    variant: result.variant,
    srcLang: options.srcLang,
    tgt: options.tgt,
    n: result.n,
    kept: round(result.kept),
    rttChrf: round(result.rttChrf),
  };
  return JSON.stringify(object, null, 1);
}

export function registerEvalRttCommand(evalCommand: Command): void {
  evalCommand
    .command('rtt')
    .description('RTTLangIDChrF: round-trip chrF(back, src), counted only where LangID finds the forward translation in --tgt (strict) or weighted by its probability (loose).')
    .requiredOption('--src <file>', 'source segments, one per line (UTF-8)')
    .requiredOption('--fwd <file>', 'forward translations into --tgt, line-aligned with --src')
    .requiredOption('--back <file>', 'the forward translations translated back into --src-lang, line-aligned')
    .requiredOption('--src-lang <tag>', 'language of --src and --back', parseLanguageTag)
    .requiredOption('--tgt <tag>', 'language the forward translations should be in', parseLanguageTag)
    .addOption(new Option('--variant <name>', 'strict: count a round trip when LangID names --tgt; loose: weight it by LangID\'s probability of --tgt').choices(VARIANTS).default('strict'))
    .option('--model <dir>', 'LangID model folder (default: models/langid-full when built, else models/langid-udhr)')
    .option('--json', 'print a JSON object')
    .option('--width <n>', 'decimals in printed scores', (value) => parsePositiveInteger(value), 2)
    .addHelpText('after', '\nExample:\n  ntl eval rtt --src test.eng --fwd test.eng-fra --back test.eng-fra-eng --src-lang eng --tgt fra --variant loose')
    .action(async (options: RttCommandOptions) => {
      // A round trip through the same language measures nothing, and a copy would pass the LangID gate.
      if (sameLanguage(options.srcLang, options.tgt, { macro: true })) {
        throw new CliError(`--src-lang ${options.srcLang} and --tgt ${options.tgt} are the same language; a round trip goes through another`, EXIT.usage);
      }
      const inputs = [options.src, options.fwd, options.back];
      checkInputFiles(inputs);
      const langid = await loadModelChoice(options.model === undefined ? {} : { model: options.model });
      try {
        const result = runRttLangIdChrf({
          srcPath: options.src,
          fwdPath: options.fwd,
          backPath: options.back,
          tgt: options.tgt,
          classifier: langid.classifier,
          model: langid.name,
          variant: options.variant,
        });
        process.stdout.write(`${options.json ? rttJson(result, options) : formatRtt(result, options.width)}\n`);
      } catch (error) {
        throw inputError(error, inputs);
      } finally {
        langid.classifier.dispose();
      }
    });
}
