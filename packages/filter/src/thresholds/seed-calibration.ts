/**
 * Per-language thresholds from clean seed text (`ntl filter calibrate --seed …`): the seed's documents are run
 * through the filters in annotate mode and each threshold is loosened, per language, to what that language's
 * clean text needs (calibrate.ts, direction `loosen`). This is what lets defaults written for English web text
 * (Gopher's word lengths, n-gram repetition over space-separated words) hold for 1,000 languages: Thai and
 * Khmer write without spaces, Malayalam words average 12 letters, and their clean text must pass.
 */
import { createLogger, inProcessContext, parseOptions, UND, type Doc } from '@ntl/core';
import type { FilterStepDefinition } from '../filter-step/define-filter.js';
import { calibrateFilters } from './calibrate.js';
import { ScoreSampler } from './score-sampler.js';
import type { ThresholdsFile } from './thresholds-file.js';

/** Default for seed calibration: keep every clean unit (a seed is clean by definition; its extremes are real). */
export const SEED_EXCLUDED = 0;
/** Default minimum seed documents per language: a short UDHR declaration makes 3–4 page-sized documents; only used to loosen. */
export const SEED_MIN_SAMPLES = 3;
/** Seed documents are cut to about a web page's length, so page-level measures see page-like documents. */
export const SEED_DOCUMENT_CHARS = 1000;

/**
 * The thresholds seed text can speak for: measures of how a language writes (word lengths, letters, n-gram
 * repetition over its tokens), not of how long a page is — a seed's document lengths are the corpus's, not the web's.
 */
export const SEED_CALIBRATED: Readonly<Record<string, readonly string[]>> = {
  'filter.heuristics': ['minMeanWordLength', 'maxMeanWordLength', 'minAlphaWords', 'minLetterShare'],
  'filter.repetition': ['maxTop2gram', 'maxTop3gram', 'maxTop4gram', 'maxDup5gram', 'maxDup6gram', 'maxDup7gram', 'maxDup8gram', 'maxDup9gram', 'maxDup10gram'],
};

export interface SeedText {
  readonly tag: string;
  readonly text: string;
  readonly docId?: string;
}

/**
 * Page-sized documents from seed texts: consecutive texts of one language, one text a line, until a document
 * holds `chars` characters; labelled with their tag (score 1). A language's last, shorter piece is kept only when
 * it is the language's only document.
 */
export function seedDocuments(texts: Iterable<SeedText>, chars = SEED_DOCUMENT_CHARS): Doc[] {
  const docs: Doc[] = [];
  let lines: string[] = [];
  let length = 0;
  let tag: string | undefined;
  let docsOfTag = 0;
  const flush = (whole: boolean): void => {
    if (tag !== undefined && lines.length && (whole || docsOfTag === 0)) {
      docs.push({ id: `seed:${docs.length}:${tag}`, text: lines.join('\n'), source: { path: 'seed', record: docs.length }, lang: { tag, score: 1 }, meta: {} });
      docsOfTag++;
    }
    lines = [];
    length = 0;
  };
  for (const text of texts) {
    if (text.tag === UND) continue;
    if (text.tag !== tag) {
      flush(false);
      tag = text.tag;
      docsOfTag = 0;
    }
    lines.push(text.text);
    length += text.text.length;
    if (length >= chars) flush(true);
  }
  flush(false);
  return docs;
}

export interface SeedCalibrationOptions {
  readonly excluded?: number;
  readonly minSamples?: number;
}

/** Runs `steps` in annotate mode over the seed documents and calibrates their thresholds per language (loosen only). */
export async function calibrateOnSeed(docs: readonly Doc[], steps: readonly FilterStepDefinition[], options: SeedCalibrationOptions = {}): Promise<ThresholdsFile> {
  const ctx = inProcessContext({ log: createLogger({ level: 'error' }) });
  let stream: AsyncIterable<Doc> = (async function* () {
    yield* docs;
  })();
  for (const step of steps) stream = step.create(parseOptions(step.options, { mode: 'annotate' }) as never)(stream, ctx);
  const sampler = new ScoreSampler();
  for await (const doc of stream) sampler.add(doc);
  const file = calibrateFilters(sampler.samples(), steps, {
    direction: 'loosen',
    excluded: options.excluded ?? SEED_EXCLUDED,
    minSamples: options.minSamples ?? SEED_MIN_SAMPLES,
  });
  const filters = Object.fromEntries(
    Object.entries(file.filters).map(([step, thresholds]) => [step, Object.fromEntries(Object.entries(thresholds).filter(([name]) => SEED_CALIBRATED[step]?.includes(name)))]),
  );
  return { ...file, filters };
}
