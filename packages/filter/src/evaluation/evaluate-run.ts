/**
 * `evaluateRun`: measured precision and recall of a run's per-language corpora against a synthetic crawl's
 * truth (docs/filters.md "Measuring precision and recall"), with the ablation when the run's filters ran in
 * annotate mode (pipelines/filter-ablation.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { runLayout, sha256File } from '@ntl/core';
import { ALL_FILTERS, type Configuration } from './configurations.js';
import { passCorpus } from './corpus-pass.js';
import { tallyDropped, type DropTally } from './dropped-units.js';
import { languageMatch } from './language-match.js';
import { DEFAULT_MIN_SENTENCES, summarizeLanguages, type LanguageResult } from './language-scores.js';
import { EvaluationInputError, requireFolder } from './run-output.js';
import { loadTruthIndex } from './truth-index.js';

/** Bumped when what the numbers mean changes (units, matching rules), so signatures from different versions differ. */
export const EVALUATION_VERSION = 1;

export interface EvaluateRunOptions {
  /** The output folder of `ntl run` (holding corpus/, dropped/, manifest.json). */
  readonly runDir: string;
  /** `truth.jsonl` of the synthetic crawl the run read. */
  readonly truthPath: string;
  /** Languages with fewer distinct truth sentences stay out of the medians. Default DEFAULT_MIN_SENTENCES (10). */
  readonly minSentences?: number;
  /** Fail unless the run's records allow the ablation. */
  readonly requireAblation?: boolean;
}

export interface ConfigurationResult {
  readonly configuration: string;
  readonly filters: readonly string[];
  readonly medianPrecision: number | null;
  readonly medianCharPrecision: number | null;
  readonly medianRecall: number | null;
  /** Languages in the median that kept something (the precision medians are over these). */
  readonly languagesKept: number;
  readonly keptSentences: number;
}

export interface RunEvaluation {
  /** The configuration of the per-language table: `all filters` for an annotate-mode run, else `corpus as written`. */
  readonly configuration: string;
  readonly medianPrecision: number | null;
  readonly medianCharPrecision: number | null;
  readonly medianRecall: number | null;
  readonly languagesInMedian: number;
  /** Of those, the languages that kept something: the population of the precision medians. */
  readonly languagesKept: number;
  readonly minSentences: number;
  readonly perLanguage: LanguageResult[];
  /** Empty unless every filter ran in annotate mode. */
  readonly ablation: ConfigurationResult[];
  readonly filters: readonly string[];
  readonly drops: DropTally[];
  readonly documents: number;
  readonly unjoinedDocuments: number;
  readonly unlabelledSentences: number;
  /** sacrebleu-style: the truth file, the run's config hash and the counting rules the numbers depend on. */
  readonly signature: string;
}

function runConfigHash(runDir: string): string {
  const path = runLayout.manifest(runDir);
  if (!existsSync(path)) return 'none';
  try {
    const hash = (JSON.parse(readFileSync(path, 'utf8')) as { configHash?: unknown }).configHash;
    return typeof hash === 'string' ? hash : 'none';
  } catch {
    return 'none';
  }
}

export async function evaluateRun(options: EvaluateRunOptions): Promise<RunEvaluation> {
  const minSentences = options.minSentences ?? DEFAULT_MIN_SENTENCES;
  if (!Number.isInteger(minSentences) || minSentences < 1) throw new RangeError(`minSentences must be a positive integer, got ${minSentences}`);
  requireFolder(options.runDir, 'run output folder');
  const corpusDir = runLayout.corpus(options.runDir);
  requireFolder(corpusDir, 'corpus folder (is this the output folder of ntl run?)');
  const truth = await loadTruthIndex(options.truthPath);
  const match = languageMatch(truth.texts.keys());

  const pass = await passCorpus(corpusDir, truth, match, { requireAblation: options.requireAblation ?? false });
  if (pass.documents > 0 && pass.unjoinedDocuments === pass.documents) {
    throw new EvaluationInputError(
      options.truthPath,
      `${options.truthPath}: none of the ${pass.documents} documents in ${corpusDir} has a row here (rows join by Doc id = WARC-Record-ID); is this the truth of the crawl the run read?`,
    );
  }
  const summaries = pass.configurations.map((configuration, c) => ({ configuration, summary: summarizeLanguages(pass.tallies[c] ?? new Map(), truth, match, minSentences) }));
  const main = summaries.find((s) => s.configuration.name === ALL_FILTERS) ?? (summaries[0] as (typeof summaries)[number]);
  const result = (configuration: Configuration, summary: (typeof summaries)[number]['summary']): ConfigurationResult => ({
    configuration: configuration.name,
    filters: configuration.filters,
    medianPrecision: summary.medianPrecision,
    medianCharPrecision: summary.medianCharPrecision,
    medianRecall: summary.medianRecall,
    languagesKept: summary.languagesKept,
    keptSentences: summary.keptSentences,
  });
  const drops = await tallyDropped(runLayout.dropped(options.runDir), truth, match, pass.folders);
  const truthHash = (await sha256File(options.truthPath)).slice(0, 12);
  const signature = `truth:${truthHash}|run:${runConfigHash(options.runDir)}|unit:sentence|recall:distinct-text|tags:nested|min:${minSentences}|version:${EVALUATION_VERSION}`;

  return {
    configuration: main.configuration.name,
    medianPrecision: main.summary.medianPrecision,
    medianCharPrecision: main.summary.medianCharPrecision,
    medianRecall: main.summary.medianRecall,
    languagesInMedian: main.summary.languagesInMedian,
    languagesKept: main.summary.languagesKept,
    minSentences,
    perLanguage: main.summary.perLanguage,
    ablation: pass.ablation ? summaries.map((s) => result(s.configuration, s.summary)) : [],
    filters: pass.filters,
    drops,
    documents: pass.documents,
    unjoinedDocuments: pass.unjoinedDocuments,
    unlabelledSentences: pass.unlabelledSentences,
    signature,
  };
}
