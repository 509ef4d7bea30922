import { type Doc, type Step, type StepContext, Stats, silentLogger } from '@ntl/core';

/** A one-rank context for running a step in tests. */
export function stepContext(stats: Stats): StepContext {
  return {
    rank: 0,
    worldSize: 1,
    stats,
    signal: new AbortController().signal,
    log: silentLogger,
    inputs: [],
    outputDir: '/nonexistent',
    progress: () => undefined,
  };
}

export async function runStep(step: Step, docs: readonly Doc[], stats = new Stats()): Promise<Doc[]> {
  async function* source(): AsyncIterable<Doc> {
    yield* docs;
  }
  const out: Doc[] = [];
  for await (const doc of step(source(), stepContext(stats))) out.push(doc);
  return out;
}

export function makeDoc(id: string, text: string, meta: Record<string, unknown> = {}): Doc {
  return { id, text, source: { path: 'test.warc.gz', record: 0 }, meta };
}
