// Hypothesis/reference pairs from real FLORES-200 sentences: the reference is the original
// sentence, the hypothesis a seeded perturbation of it (deleted, substituted, swapped, inserted and
// moved words; characters for scripts written without spaces), so every metric path is exercised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLORES_DIR = '/work/shared/data/flores200-sib';

/** The `text` column of train.tsv and dev.tsv of one FLORES variety (e.g. `tha_Thai`). */
export function loadSentences(tag, dir = FLORES_DIR) {
  const out = [];
  for (const split of ['train', 'dev']) {
    const lines = readFileSync(join(dir, tag, `${split}.tsv`), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const text = line.split('\t')[2];
      if (text) out.push(text);
    }
  }
  return out;
}

/** mulberry32: a small seeded PRNG, so runs are repeatable. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words for space-delimited text, code points otherwise (Chinese, Japanese, mostly Thai). */
function units(sentence) {
  const words = sentence.split(' ');
  return words.length >= 4 ? { units: words, sep: ' ' } : { units: Array.from(sentence), sep: '' };
}

function perturb(sentence, donor, rand) {
  const { units: u, sep } = units(sentence);
  const pool = units(donor).units;
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const nOps = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 3);
  for (let k = 0; k < nOps && u.length > 1; k++) {
    const i = Math.floor(rand() * u.length);
    const op = Math.floor(rand() * 6);
    if (op === 0) u.splice(i, 1);
    else if (op === 1) u[i] = pick(pool);
    else if (op === 2 && i + 1 < u.length) [u[i], u[i + 1]] = [u[i + 1], u[i]];
    else if (op === 3) u.splice(i, 0, pick(pool));
    else if (op === 4) {
      // move a block of 2-4 units (what TER's shifts repair)
      const len = Math.min(u.length - i, 2 + Math.floor(rand() * 3));
      const block = u.splice(i, len);
      u.splice(Math.floor(rand() * (u.length + 1)), 0, ...block);
    } else u[i] = u[i].toUpperCase();
  }
  return u.join(sep);
}

/** `count` pairs cycling through `sentences`; refs are in sacrebleu's stream layout `[refs]`. */
export function perturbedPairs(sentences, count, seed = 1) {
  const rand = prng(seed);
  const hyps = [];
  const refs = [];
  for (let i = 0; i < count; i++) {
    const ref = sentences[i % sentences.length];
    refs.push(ref);
    hyps.push(perturb(ref, sentences[(i * 7 + 3) % sentences.length], rand));
  }
  return { hyps, refs: [refs] };
}
