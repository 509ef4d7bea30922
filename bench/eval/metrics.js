// Corpus chrF, chrF++, BLEU and TER on 2,000 and 20,000 FLORES-200 sentence pairs per script.
// Run after `npm run build`: node --expose-gc bench/eval/metrics.js [sizes…] (default 2000 20000)
import { loadavg } from 'node:os';
import { Bleu, Chrf, Ter, corpusScore } from '../../packages/eval/dist/index.js';
import { FLORES_DIR, loadSentences, perturbedPairs } from './perturbed-corpus.js';

const TAGS = ['eng_Latn', 'rus_Cyrl', 'arb_Arab', 'hin_Deva', 'zho_Hans', 'tha_Thai'];
const METRICS = [
  ['chrF2', () => new Chrf()],
  ['chrF2++', () => new Chrf({ wordOrder: 2 })],
  ['BLEU 13a', () => new Bleu()],
  ['TER', () => new Ter()],
];
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

function measure(make, hyps, refs) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const metric = make();
  const score = corpusScore(metric, hyps, refs);
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  return { score: score.score, ms, heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss };
}

console.log(`ntl eval metrics benchmark — Node ${process.version}, data ${FLORES_DIR}, load average ${loadavg()[0].toFixed(2)}`);
console.log('Python sacrebleu is not available on this machine (PyPI is unreachable), so there are no');
console.log('side-by-side sacrebleu timings; scores are checked against sacrebleu 2.6.0 in the package tests.');
if (!globalThis.gc) console.log('(run with --expose-gc for steadier memory figures)');
console.log('');
console.log(['script', 'pairs', 'metric', 'score', 'ms', 'pairs/s', 'heap Δ MB', 'rss Δ MB'].join('\t'));
for (const n of sizes.length ? sizes : [2000, 20000]) {
  for (const tag of TAGS) {
    const { hyps, refs } = perturbedPairs(loadSentences(tag), n, 7);
    for (const [name, make] of METRICS) {
      const r = measure(make, hyps, refs);
      console.log([tag, n, name, r.score.toFixed(2), r.ms.toFixed(0), Math.round((n / r.ms) * 1000), mb(r.heap), mb(r.rss)].join('\t'));
    }
  }
}
console.log(`\npeak RSS of the whole run: ${mb(process.resourceUsage().maxRSS * 1024)} MB; load average now ${loadavg()[0].toFixed(2)}`);
