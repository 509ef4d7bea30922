import type { Doc } from './doc.js';
import type { Logger } from './logger.js';
import type { Stats } from './stats.js';
import type { OptionSchema, OptionValues } from './options.js';

/** One input file of a run, as the executor assigned it to a rank. */
export interface InputFile {
  path: string;
  size: number;
}

export interface StepContext {
  rank: number;
  worldSize: number;
  stats: Stats;
  signal: AbortSignal;
  log: Logger;
  /** Files this rank reads; readers ignore the upstream stream and consume these. */
  inputs: readonly InputFile[];
  /** The run's output folder; writers put their files under it. */
  outputDir: string;
  /** Readers report input bytes consumed, which drives the progress bar and log lines. */
  progress(bytes: number): void;
}

/** The Step contract (ARCHITECTURE §3): a stream in, a stream out. Readers ignore input, writers drain. */
export type Step = (input: AsyncIterable<Doc>, ctx: StepContext) => AsyncIterable<Doc>;

/** What a pipeline file's `{"use": name, "with": {...}}` resolves to. */
export interface StepDefinition<S extends OptionSchema = OptionSchema> {
  name: string;
  description: string;
  options: S;
  create(options: OptionValues<S>): Step;
}

/** Keeps the literal option types of a definition while checking it against the contract. */
export function defineStep<S extends OptionSchema>(definition: StepDefinition<S>): StepDefinition<S> {
  return definition;
}

/**
 * A one-document-at-a-time step with counting and timing done once, here.
 * Filters annotate rather than remove (ARCHITECTURE §3), so a document that an earlier step marked
 * with `drop` passes through untouched and uncounted; the writer sends it to the audit output.
 * `transform` returns the (possibly annotated) doc, or null to discard it outright; `docs_out`
 * counts the documents still alive afterwards. Reasons are counted by the transform through
 * `ctx.stats.drop`, so each reason has its own counter.
 */
export function mapStep(name: string, transform: (doc: Doc, ctx: StepContext) => Doc | null): Step {
  // Built once, not per document: a fresh key string must be flattened and hashed at every count.
  const docsIn = `${name}.docs_in`;
  const docsOut = `${name}.docs_out`;
  return async function* (input, ctx) {
    for await (const doc of input) {
      if (doc.drop) {
        yield doc;
        continue;
      }
      ctx.stats.add(docsIn);
      const started = performance.now();
      const result = transform(doc, ctx);
      ctx.stats.time(name, performance.now() - started);
      if (!result) continue;
      if (!result.drop) ctx.stats.add(docsOut);
      yield result;
    }
  };
}

/** Chains steps into one stream; the last step's output is what the executor drains. */
export function composeSteps(steps: readonly Step[], ctx: StepContext): AsyncIterable<Doc> {
  let stream: AsyncIterable<Doc> = emptyStream();
  for (const step of steps) stream = step(stream, ctx);
  return stream;
}

async function* emptyStream(): AsyncIterable<Doc> {
  // Readers start from nothing; an empty async iterable keeps the Step signature uniform.
}
