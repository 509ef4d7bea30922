import { createLogger, inProcessContext, parseOptions, Stats, type Doc, type StepDefinition } from '@ntl/core';

export interface FilterRun {
  docs: Doc[];
  stats: Stats;
  /** Parsed warning lines the step logged. */
  warnings: Array<Record<string, unknown>>;
}

/** Runs a filter step as a pipeline would: options through the schema, one rank, a logger that keeps warnings. */
export async function runFilter(definition: StepDefinition, options: Record<string, unknown>, docs: readonly Doc[]): Promise<FilterRun> {
  const stats = new Stats();
  const warnings: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'warn', write: (line) => warnings.push(JSON.parse(line) as Record<string, unknown>) });
  const ctx = inProcessContext({ stats, log, outputDir: '/nonexistent' });
  const step = definition.create(parseOptions(definition.options, options));
  async function* source(): AsyncIterable<Doc> {
    yield* docs;
  }
  const out: Doc[] = [];
  for await (const doc of step(source(), ctx)) out.push(doc);
  return { docs: out, stats, warnings };
}

/** A document with language and, when given, sentence spans found by the sentences' positions in the text. */
export function makeDoc(id: string, text: string, lang?: string, segments?: Array<{ text: string; lang?: string; score?: number }>): Doc {
  const doc: Doc = { id, text, source: { path: 'test.jsonl', record: 0 }, meta: {} };
  if (lang) doc.lang = { tag: lang, score: 0.9 };
  if (segments) {
    let from = 0;
    doc.segments = segments.map((segment) => {
      const start = text.indexOf(segment.text, from);
      if (start < 0) throw new Error(`sentence not in text: ${segment.text}`);
      from = start + segment.text.length;
      return { start, end: from, ...(segment.lang ? { lang: segment.lang } : {}), ...(segment.score !== undefined ? { score: segment.score } : {}) };
    });
  }
  return doc;
}

/** Counters of one step, without its prefix, for compact assertions. */
export function countersOf(stats: Stats, step: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(stats.counters)
      .filter(([key]) => key.startsWith(`${step}.`))
      .map(([key, value]) => [key.slice(step.length + 1), value]),
  );
}
