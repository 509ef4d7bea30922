#!/usr/bin/env node
/**
 * Text-processing speed of packages/crawl: HTML extraction, normalisation, exact + MinHash dedup
 * and sentence segmentation (rules and Intl.Segmenter), on realistic pages, plus dedup memory.
 *
 *   npm run build && node --expose-gc bench/crawl/text.js [--pages 1600] [--runs 3] [--paragraphs 200000]
 *
 * Pages: news-site pages around the UDHR texts with designed exact and near duplicates (news-pages.js).
 * MB/s are UTF-8 megabytes of each stage's own input; "pipeline" is HTML bytes over the summed
 * time of extract + normalise + dedup + segment (rules), one core. Memory needs --expose-gc.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { extractMainText } from '../../packages/crawl/dist/html/extract-main-text.js';
import { normalizeText } from '../../packages/crawl/dist/normalize/normalize-text.js';
import { segmentSentences } from '../../packages/crawl/dist/segment/segment-sentences.js';
import { ExactDeduplicator } from '../../packages/crawl/dist/dedup/exact-dedup.js';
import { NearDuplicateIndex } from '../../packages/crawl/dist/dedup/near-dedup.js';
import { dedupKey, paragraphFingerprint } from '../../packages/crawl/dist/dedup/dedup-key.js';
import { option } from '../options.js';
import { declarationCount, newsPages } from './news-pages.js';

const pageCount = Number(option('--pages', 1600));
const runs = Number(option('--runs', 3));
const memoryParagraphs = Number(option('--paragraphs', 200000));

const utf8 = (text) => Buffer.byteLength(text, 'utf8');
const sum = (values) => values.reduce((a, b) => a + b, 0);
const mb = (bytes) => bytes / 1e6;

/** Best wall time over `runs` runs of `work` (fresh state per run is the caller's job). */
function best(work) {
  let fastest = Infinity;
  let result;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { ms: fastest, result };
}

// ---- Build the pages -------------------------------------------------------------------------

const pages = newsPages(pageCount);
const htmlBytes = sum(pages.map((p) => utf8(p.html)));
console.log(`${pages.length} pages from ${declarationCount} UDHR declarations, ${mb(htmlBytes).toFixed(1)} MB HTML; best of ${runs} runs; Node ${process.version}`);

// ---- Stages ----------------------------------------------------------------------------------

const report = (label, ms, bytes, extra = '') =>
  console.log(`${label.padEnd(34)} ${(mb(bytes) / (ms / 1000)).toFixed(1).padStart(7)} MB/s  (${ms.toFixed(0)} ms for ${mb(bytes).toFixed(1)} MB)${extra}`);

const extract = best(() => pages.map((p) => extractMainText(p.html)));
const extracted = extract.result;
report('extract (HTML in)', extract.ms, htmlBytes, `, ${(sum(extracted.map((e) => utf8(e.text))) / htmlBytes * 100).toFixed(1)} % of bytes kept`);

const parseOnly = best(() => {
  for (const p of pages) new Parser({ onopentag() {}, ontext() {}, onclosetag() {} }).end(p.html);
});
report('  (htmlparser2 alone, no-op callbacks)', parseOnly.ms, htmlBytes);

const rawTexts = extracted.map((e) => e.text);
const rawBytes = sum(rawTexts.map(utf8));
const normalize = best(() => rawTexts.map((t) => normalizeText(t).text));
const texts = normalize.result;
const textBytes = sum(texts.map(utf8));
report('normalize (text in)', normalize.ms, rawBytes);

const paragraphCount = sum(texts.map((t) => t.split('\n').length));
const exactRun = () => {
  const exact = new ExactDeduplicator();
  let docs = 0;
  let removed = 0;
  texts.forEach((text, i) => {
    const paragraphs = text.split('\n');
    const fingerprints = exact.fingerprints(paragraphs);
    if (exact.earlierDocument(pages[i].id, fingerprints) !== undefined) docs++;
    else removed += exact.removeSeenParagraphs(paragraphs, fingerprints).removed;
  });
  return { docs, removed };
};
const exactDedup = best(exactRun);
report('exact dedup (text in)', exactDedup.ms, textBytes, `, ${exactDedup.result.docs} duplicate docs, ${exactDedup.result.removed} repeated paragraphs`);

const nearRun = () => {
  const near = new NearDuplicateIndex();
  const matches = texts.map((text, i) => near.add(pages[i].id, text)).filter(Boolean);
  return { near, matches };
};
const nearDedup = best(nearRun);
const nearSeconds = nearDedup.ms / 1000;
report('MinHash-LSH 14×8, 5-grams (text in)', nearDedup.ms, textBytes,
  `, ${(texts.length / nearSeconds).toFixed(0)} docs/s, ${(paragraphCount / nearSeconds).toFixed(0)} paragraphs/s, ${nearDedup.result.matches.length} near duplicates` +
  ` (mean Jaccard ${(sum(nearDedup.result.matches.map((m) => m.jaccard)) / Math.max(1, nearDedup.result.matches.length)).toFixed(2)})`);

const rules = best(() => texts.map((t) => segmentSentences(t)));
const sentenceCount = sum(rules.result.map((s) => s.length));
report('segment, rules (text in)', rules.ms, textBytes, `, ${sentenceCount} sentences`);
const intl = best(() => texts.map((t) => segmentSentences(t, { engine: 'intl' })));
report('segment, Intl.Segmenter + rules', intl.ms, textBytes, `, ${sum(intl.result.map((s) => s.length))} sentences`);
const intlWhole = best(() => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  let n = 0;
  for (const t of texts.slice(0, 200)) for (const _ of segmenter.segment(t)) n++;
  return n;
});
report('  (raw Intl.Segmenter, whole docs)', intlWhole.ms, sum(texts.slice(0, 200).map(utf8)));

// Boundary agreement of the rule engine with ICU (+ our ICU gap rules): sentence ends both report.
let agreed = 0;
let rulesEnds = 0;
let intlEnds = 0;
texts.forEach((_, i) => {
  const ends = new Set(intl.result[i].map((s) => s.end));
  intlEnds += ends.size;
  rulesEnds += rules.result[i].length;
  for (const s of rules.result[i]) if (ends.has(s.end)) agreed++;
});
console.log(`rules vs Intl sentence ends: precision ${(agreed / rulesEnds).toFixed(3)}, recall ${(agreed / intlEnds).toFixed(3)}`);

const pipelineMs = extract.ms + normalize.ms + exactDedup.ms + nearDedup.ms + rules.ms;
report('pipeline extract→normalize→dedup→segment', pipelineMs, htmlBytes, ' (HTML in, one core)');

// ---- Paragraph fingerprints: fold + pure-JS hash vs key string + node:crypto -------------------

const allParagraphs = texts.flatMap((t) => t.split('\n'));
const paragraphBytes = sum(allParagraphs.map(utf8));
const fingerprint = best(() => allParagraphs.map(paragraphFingerprint));
report('paragraphFingerprint (fold + 2×32-bit)', fingerprint.ms, paragraphBytes, `, ${(allParagraphs.length / (fingerprint.ms / 1000) / 1e6).toFixed(2)} M paragraphs/s`);
const keyOnly = best(() => allParagraphs.map(dedupKey));
report('  dedupKey string only', keyOnly.ms, paragraphBytes);
for (const algorithm of ['md5', 'sha1']) {
  const crypto = best(() => allParagraphs.map((p) => createHash(algorithm).update(dedupKey(p)).digest().readBigUInt64LE(0)));
  report(`  dedupKey + node:crypto ${algorithm}`, crypto.ms, paragraphBytes, `, ${(allParagraphs.length / (crypto.ms / 1000) / 1e6).toFixed(2)} M paragraphs/s`);
}

// ---- Memory ----------------------------------------------------------------------------------

const gc = globalThis.gc;
const usage = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
/** Distinct letter-only suffixes: digits would all read as "0" in the dedup key. */
const tag = (n) => {
  let s = '';
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
};
// Flat strings (not ropes) before measuring, or flattening inside the measured code counts as its memory.
const uniqueParagraphs = Array.from({ length: memoryParagraphs }, (_, i) => `${allParagraphs[i % allParagraphs.length]} ${tag(i)}`.normalize('NFD').normalize('NFC'));
const scale = 1e6 / memoryParagraphs;

const before = usage();
const exact = new ExactDeduplicator();
for (let i = 0; i < uniqueParagraphs.length; i += 10) {
  const chunk = uniqueParagraphs.slice(i, i + 10);
  exact.removeSeenParagraphs(chunk, exact.fingerprints(chunk));
}
const exactBytes = usage() - before;
console.log(
  `exact paragraph set: ${exact.paragraphCount} paragraphs → heap+arrayBuffers ${mb(exactBytes).toFixed(1)} MB ` +
    `(table ${mb(exact.byteLength).toFixed(1)} MB); ×${scale} → ${mb(exactBytes * scale).toFixed(0)} MB per million paragraphs${gc ? '' : ' (no --expose-gc: rough)'}`,
);

const numbers = uniqueParagraphs.map((p) => {
  const { hi, lo } = paragraphFingerprint(p);
  return (hi >>> 11) * 4294967296 + (lo >>> 0);
});
const beforeSet = usage();
const numberSet = new Set(numbers);
const setBytes = usage() - beforeSet;
console.log(`  for comparison, Set<number> of 53-bit hashes (${numberSet.size}): ${mb(setBytes * scale).toFixed(0)} MB per million paragraphs`);

// Documents of 10 paragraphs drawn at random from the pool, so they are (nearly) all distinct.
const paragraphsPerDoc = 10;
let seed = 12345;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const docTexts = Array.from({ length: memoryParagraphs / paragraphsPerDoc }, () =>
  Array.from({ length: paragraphsPerDoc }, () => allParagraphs[Math.floor(random() * allParagraphs.length)]).join('\n'),
);
const beforeNear = usage();
const near = new NearDuplicateIndex();
const nearStarted = performance.now();
let nearMatches = 0;
docTexts.forEach((text, d) => {
  if (near.add(`doc-${d}`, text)) nearMatches++;
});
const nearSecondsBig = (performance.now() - nearStarted) / 1000;
const nearBytes = usage() - beforeNear;
console.log(
  `MinHash-LSH index: ${docTexts.length} docs × ${paragraphsPerDoc} paragraphs (${nearMatches} matched) in ${nearSecondsBig.toFixed(1)} s ` +
    `(${(docTexts.length / nearSecondsBig).toFixed(0)} docs/s, ${(memoryParagraphs / nearSecondsBig).toFixed(0)} paragraphs/s) → ` +
    `heap+arrayBuffers ${mb(nearBytes).toFixed(1)} MB (index ${mb(near.byteLength).toFixed(1)} MB), ${(nearBytes / docTexts.length).toFixed(0)} B/doc; ` +
    `×${scale} → ${mb(nearBytes * scale).toFixed(0)} MB per million paragraphs (${paragraphsPerDoc} per doc)`,
);
