import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

/**
 * pipelines/crawl-to-corpus.json with the shipped models named explicitly, so results do not depend on
 * whether a developer has built models/langid-full (and its wordlists/thresholds) on this machine.
 */
export function pinnedCrawlPipeline(dir: string): string {
  const pipeline = JSON.parse(readFileSync(join(repoRoot, 'pipelines/crawl-to-corpus.json'), 'utf8')) as { steps: Array<{ use: string; with?: Record<string, unknown> }> };
  const shipped = (name: string) => join(repoRoot, 'models', name);
  const pins: Record<string, Record<string, unknown>> = {
    'langid.detect': { model: shipped('langid-udhr') },
    'filter.consistency': { clusters: join(shipped('langid-udhr'), 'clusters.json') },
    'filter.wordlist': { wordlists: shipped('wordlists-udhr') },
  };
  for (const step of pipeline.steps) {
    const thresholds = step.use.startsWith('filter.') ? { thresholds: shipped('filter-thresholds-udhr.json') } : {};
    const pinned = { ...pins[step.use], ...thresholds };
    if (Object.keys(pinned).length) step.with = { ...step.with, ...pinned };
  }
  const path = join(dir, 'crawl-to-corpus.pinned.json');
  writeFileSync(path, JSON.stringify(pipeline, null, 2));
  return path;
}
