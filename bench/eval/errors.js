// Error-mode detectors on a labelled sample built from real parallel data: FLORES-200 pairs (eng_Latn → 204
// varieties) taken as clean translations, with each error kind injected programmatically into a share of them,
// plus GATITOS word/phrase pairs for the short-input detector. Prints per-detector precision and recall.
//
//   npm run build && node bench/eval/errors.js [--langid lid.176|none|DIR] [--calibrate] [--write-length-table]
//
// --write-length-table  regenerates packages/eval/src/errors/length-ratio-table.ts from the FLORES train split
// --calibrate           sweeps each detector's thresholds on a train-split sample (coordinate ascent on F1) and
//                       reports the best values; the dev-split table then uses them instead of the defaults
// --show MODE[,MODE]    also prints examples of wrong flags and misses of those modes on the dev sample
// --langid              the LangID model for the wrong-language detector: lid.176 (fastText, via @ntl/langid's
//                       peer adapter; default), a model folder (@ntl/langid's loadLangIdModel), or none
//
// Labels: every item is clean or carries one injected kind. A flag of mode M counts as correct when the item's
// kind lists M among its accepted modes (a truncation legitimately trips length-ratio too), and as wrong on a
// clean item or one whose kind does not list M. Recall of M is over the items whose kind has M as its primary mode.
// FLORES references are human translations, not error-free: a flag on a "clean" pair counts against precision
// even where it is right, so the precision figures are lower bounds in that respect.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tryToTag, sameLanguage } from '../../packages/core/dist/index.js';
import { DETECTOR_DEFAULTS, ERROR_MODES } from '../../packages/eval/dist/index.js';
import { prepareItem } from '../../packages/eval/dist/errors/error-item.js';
import { detectPrepared, resolveErrorOptions } from '../../packages/eval/dist/errors/detect-errors.js';
import { findNumbers } from '../../packages/eval/dist/errors/numbers.js';
import { digitValue } from '../../packages/eval/dist/errors/numerals.js';
import { visibleLength } from '../../packages/eval/dist/errors/text-spans.js';
import { endsSentence } from '../../packages/eval/dist/errors/truncation.js';
import { expectedScripts, isUnspaced, scriptOf } from '../../packages/eval/dist/errors/target-scripts.js';
import { corpusVocabularies } from '../../packages/eval/dist/errors/analyse-errors.js';
import { targetProbability } from '../../packages/eval/dist/rtt/language-classifier.js';
import { prng } from './perturbed-corpus.js';

const FLORES = '/work/shared/data/flores200-sib';
const GATITOS = '/work/shared/data/gatitos';
const REFERENCE = 'eng_Latn';
const TABLE_PATH = fileURLToPath(new URL('../../packages/eval/src/errors/length-ratio-table.ts', import.meta.url));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

// ---------------------------------------------------------------- data

function readSplit(tag, split) {
  const rows = new Map();
  for (const line of readFileSync(join(FLORES, tag, `${split}.tsv`), 'utf8').split('\n').slice(1)) {
    const [id, , text] = line.split('\t');
    if (id && text) rows.set(id, text);
  }
  return rows;
}

const TAGS = readdirSync(FLORES).filter((t) => existsSync(join(FLORES, t, 'dev.tsv'))).sort();
const TARGETS = TAGS.filter((t) => t !== REFERENCE);
const data = Object.fromEntries(TAGS.map((t) => [t, { train: readSplit(t, 'train'), dev: readSplit(t, 'dev') }]));

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

// ---------------------------------------------------------------- length table

function quantileMedian(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

function writeLengthTable() {
  const eng = data[REFERENCE].train;
  const languages = {};
  for (const tag of TARGETS) {
    const logs = [];
    let srcTerminal = 0;
    let bothTerminal = 0;
    for (const [id, src] of eng) {
      const hyp = data[tag].train.get(id);
      if (!hyp) continue;
      logs.push(Math.log(visibleLength(hyp) / visibleLength(src)));
      if (endsSentence(src)) {
        srcTerminal++;
        if (endsSentence(hyp)) bothTerminal++;
      }
    }
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    languages[tag] = [round(mean), round(sd), round(bothTerminal / Math.max(1, srcTerminal))];
  }
  const byScript = {};
  for (const [tag, stats] of Object.entries(languages)) for (const s of expectedScripts(tag)) (byScript[s] ??= []).push(stats);
  const scripts = Object.fromEntries(
    Object.entries(byScript)
      .sort()
      .map(([s, list]) => [s, [0, 1, 2].map((k) => quantileMedian(list.map((x) => x[k])))]),
  );
  const body = (obj) =>
    Object.entries(obj)
      .map(([k, v]) => `    ${k}: [${v.join(', ')}],`)
      .join('\n');
  const id = `flores200-train-${eng.size}`;
  writeFileSync(
    TABLE_PATH,
    `// Generated by \`node bench/eval/errors.js --write-length-table\` from ${FLORES} (FLORES-200 train split via
// SIB-200, CC-BY-SA-4.0): per language [mean, sd] of log(non-space code points / English's) over ${eng.size}
// eng_Latn→X sentence pairs, and the share of outputs ending in sentence punctuation when English does. Per script:
// the medians over the languages written in it (for languages the table does not know). Do not edit by hand.
import type { LengthStats } from './length-ratio.js';

export const LENGTH_RATIO_TABLE: {
  readonly id: string;
  readonly reference: string;
  readonly languages: Readonly<Record<string, LengthStats>>;
  readonly scripts: Readonly<Record<string, LengthStats>>;
} = {
  id: '${id}',
  reference: '${REFERENCE}',
  languages: {
${body(languages)}
  },
  scripts: {
${body(scripts)}
  },
};
`,
  );
  console.log(`wrote ${TABLE_PATH}: ${Object.keys(languages).length} languages, ${Object.keys(scripts).length} scripts (${id})`);
}

function round(x) {
  return Math.round(x * 10000) / 10000;
}

// ---------------------------------------------------------------- injections

/** Kind → [primary mode, accepted modes]. */
const KINDS = {
  empty: ['empty', ['empty', 'short-input']],
  'copy-full': ['copy', ['copy', 'wrong-script', 'wrong-language', 'novel-content', 'short-input']],
  'copy-partial': ['copy', ['copy', 'wrong-script', 'wrong-language', 'novel-content', 'length-ratio', 'mixed-script', 'entity-mismatch', 'number-mismatch']],
  'wrong-script': ['wrong-script', ['wrong-script', 'wrong-language', 'novel-content', 'length-ratio', 'truncated', 'mixed-script', 'entity-mismatch', 'number-mismatch']],
  'wrong-language': ['wrong-language', ['wrong-language', 'length-ratio', 'truncated', 'novel-content', 'entity-mismatch', 'number-mismatch']],
  repetition: ['repetition', ['repetition', 'length-ratio', 'number-mismatch']],
  'hallucination-append': ['length-ratio', ['length-ratio', 'novel-content', 'number-mismatch', 'low-rtt-chrf', 'repetition']],
  'hallucination-detached': ['low-rtt-chrf', ['low-rtt-chrf', 'novel-content', 'number-mismatch', 'entity-mismatch', 'length-ratio', 'truncated']],
  truncation: ['truncated', ['truncated', 'length-ratio', 'number-mismatch', 'entity-mismatch']],
  'number-change': ['number-mismatch', ['number-mismatch']],
  'link-change': ['link-mismatch', ['link-mismatch']],
  'entity-swap': ['entity-mismatch', ['entity-mismatch', 'novel-content']],
  'entity-insert': ['novel-content', ['novel-content']],
  'mixed-script': ['mixed-script', ['mixed-script', 'novel-content', 'entity-mismatch']],
  unicode: ['unicode-anomaly', ['unicode-anomaly', 'number-mismatch']],
  toxicity: ['toxicity', ['toxicity']],
  'short-copy': ['short-input', ['short-input', 'copy', 'wrong-script', 'wrong-language']],
  'short-empty': ['short-input', ['short-input', 'empty']],
  'short-overlong': ['short-input', ['short-input', 'novel-content', 'number-mismatch', 'wrong-language']],
  'short-wrong-script': ['short-input', ['short-input', 'wrong-script', 'wrong-language', 'novel-content']],
};
const SENTENCE_KINDS = Object.keys(KINDS).filter((k) => !k.startsWith('short-'));
const SHORT_KINDS = Object.keys(KINDS).filter((k) => k.startsWith('short-'));

/** Units of a text for cutting and repeating: words, or code points in scripts without spaces. */
function units(text, tag) {
  return isUnspaced(expectedScripts(tag)) ? { list: Array.from(text), sep: '' } : { list: text.split(' '), sep: ' ' };
}

/** A faithful but imperfect back-translation stand-in: ~15% of the words dropped, one neighbour swap. */
function noisyEnglish(text, rand) {
  const words = text.split(' ').filter(() => rand() > 0.15);
  if (words.length > 3) {
    const i = Math.floor(rand() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
  }
  return words.join(' ');
}

const HOMOGLYPHS = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', ο: 'o', α: 'a' };
const CAPITALISED = /^[\p{Lu}][\p{Ll}]{2,}$/u;

function capitalisedNonInitial(text) {
  return text
    .split(' ')
    .slice(1)
    .map((w) => w.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, ''))
    .filter((w) => CAPITALISED.test(w));
}

/** A nonword of the language's own letters, for the toxicity detector's term list. */
function placeholderTerm(tag, rand) {
  const scripts = expectedScripts(tag);
  const letters = [...new Set(Array.from(data[tag].train.values().next().value ?? '').filter((c) => /\p{L}/u.test(c) && scripts.includes(scriptOf(c))))];
  let term = '';
  for (let i = 0; i < 6; i++) term += pick(rand, letters);
  return term.toLowerCase();
}

/** Replaces one digit of one number (or drops the number), keeping its digit system. */
function changeNumber(text, rand) {
  const numbers = findNumbers(text);
  if (numbers.length === 0) return undefined;
  const n = pick(rand, numbers);
  if (rand() < 0.3) return text.slice(0, n.start) + text.slice(n.end);
  const chars = Array.from(n.text);
  const at = pick(rand, chars.map((c, i) => (digitValue(c) === undefined ? -1 : i)).filter((i) => i >= 0));
  const old = digitValue(chars[at]);
  chars[at] = String.fromCodePoint(chars[at].codePointAt(0) - old + ((old + 1 + Math.floor(rand() * 8)) % 10));
  return text.slice(0, n.start) + chars.join('') + text.slice(n.end);
}

/** Moves each U+1031 in front of its consonant (and medials): Zawgyi's visual order. */
function zawgyiOrder(text) {
  return text.replace(/([\u1000-\u1021])([\u103B-\u103E]*)\u1031/gu, '\u1031$1$2');
}

function inject(kind, pair, ctx) {
  const { src, hyp, tgt, id } = pair;
  const { rand, split } = ctx;
  const sameIdIn = (tags) => {
    const options = tags.filter((t) => data[t][split].has(id));
    const t = pick(rand, options);
    return t && data[t][split].get(id);
  };
  const donorId = () => pick(rand, ctx.ids.filter((i) => i !== id));
  const u = units(hyp, tgt);
  switch (kind) {
    case 'empty':
      return { hyp: rand() < 0.5 ? '' : ' … ' };
    case 'copy-full':
      return { hyp: src };
    case 'copy-partial': {
      const half = Math.floor(u.list.length / 2);
      const srcWords = src.split(' ');
      return { hyp: `${u.list.slice(0, half).join(u.sep)} ${srcWords.slice(Math.floor(srcWords.length / 2)).join(' ')}` };
    }
    case 'wrong-script': {
      const script = tgt.slice(4);
      const other = sameIdIn(TARGETS.filter((t) => t.slice(4) !== script && !expectedScripts(t).some((s) => expectedScripts(tgt).includes(s))));
      return other && { hyp: other };
    }
    case 'wrong-language': {
      const other = sameIdIn(TARGETS.filter((t) => t.slice(4) === tgt.slice(4) && !sameLanguage(t, tgt, { macro: true })));
      return other && { hyp: other };
    }
    case 'repetition': {
      const r = rand();
      if (r < 0.4) {
        const n = 1 + Math.floor(rand() * (u.sep ? 3 : 6));
        const tail = u.list.slice(-n - 1, -1);
        const times = 4 + Math.floor(rand() * 5);
        return { hyp: [...u.list.slice(0, -1), ...Array(times).fill(tail).flat()].join(u.sep) };
      }
      if (r < 0.7) return { hyp: `${hyp} ${hyp}` };
      const i = Math.floor(rand() * u.list.length);
      const n = u.sep ? 1 : 2 + Math.floor(rand() * 3);
      const unit = u.list.slice(i, i + n);
      return { hyp: [...u.list.slice(0, i), ...Array(3 + Math.floor(rand() * 2)).fill(unit).flat(), ...u.list.slice(i + n)].join(u.sep) };
    }
    case 'hallucination-append': {
      const d = donorId();
      return { hyp: `${hyp} ${data[tgt][split].get(d)}`, rtt: noisyEnglish(`${src} ${data[REFERENCE][split].get(d)}`, rand) };
    }
    case 'hallucination-detached': {
      const d = donorId();
      return { hyp: data[tgt][split].get(d), rtt: noisyEnglish(data[REFERENCE][split].get(d), rand) };
    }
    case 'truncation': {
      if (u.list.length < 4) return undefined;
      const keep = Math.max(1, Math.floor(u.list.length * (0.3 + 0.4 * rand())));
      return { hyp: u.list.slice(0, keep).join(u.sep).replace(/[\p{P}\s]+$/u, '') };
    }
    case 'number-change': {
      if (findNumbers(src).length === 0 || findNumbers(hyp).length === 0) return undefined;
      const changed = changeNumber(hyp, rand);
      return changed && changed !== hyp ? { hyp: changed } : undefined;
    }
    case 'link-change': {
      const link = rand() < 0.5 ? `https://www.example.org/page-${id}` : `info${id}@example.com`;
      const changed = rand() < 0.3 ? '' : ` (${link.replace(/(\d)/u, (d) => String((Number(d) + 1) % 10))})`;
      return { src: `${src} (${link})`, hyp: `${hyp}${changed}` };
    }
    case 'entity-swap': {
      if (tgt.slice(4) !== 'Latn') return undefined;
      const names = capitalisedNonInitial(src).filter((w) => hyp.includes(w));
      const donors = capitalisedNonInitial(data[REFERENCE][split].get(donorId())).filter((w) => !src.includes(w.slice(0, 4)));
      if (names.length === 0 || donors.length === 0) return undefined;
      return { hyp: hyp.replace(pick(rand, names), pick(rand, donors)) };
    }
    case 'entity-insert': {
      const donors = capitalisedNonInitial(data[REFERENCE][split].get(donorId())).filter((w) => !src.includes(w.slice(0, 4)));
      if (donors.length === 0 || !u.sep || u.list.length < 3) return undefined;
      const i = 1 + Math.floor(rand() * (u.list.length - 1));
      return { hyp: [...u.list.slice(0, i), pick(rand, donors), ...u.list.slice(i)].join(' ') };
    }
    case 'mixed-script': {
      const words = hyp.split(' ');
      const candidates = words.map((w, i) => (Array.from(w).some((c) => HOMOGLYPHS[c]) && w.length >= 3 ? i : -1)).filter((i) => i >= 0);
      if (candidates.length > 0) {
        const i = pick(rand, candidates);
        const chars = Array.from(words[i]);
        const at = pick(rand, chars.map((c, k) => (HOMOGLYPHS[c] ? k : -1)).filter((k) => k >= 0));
        chars[at] = HOMOGLYPHS[chars[at]];
        // A homoglyph in a one-letter-different word only mixes when the word has other letters of its script.
        words[i] = chars.join('');
        return { hyp: words.join(' ') };
      }
      const long = words.map((w, i) => (Array.from(w).length >= 3 ? i : -1)).filter((i) => i >= 0);
      if (long.length === 0) return undefined;
      const i = pick(rand, long);
      const chars = Array.from(words[i]);
      chars.splice(1 + Math.floor(rand() * (chars.length - 1)), 0, pick(rand, ['x', 'q', 'z']));
      words[i] = chars.join('');
      return { hyp: words.join(' ') };
    }
    case 'unicode': {
      if (tgt === 'mya_Mymr' && rand() < 0.5) {
        const z = zawgyiOrder(hyp);
        return z !== hyp ? { hyp: z } : undefined;
      }
      const chars = Array.from(hyp);
      const bad = pick(rand, ['\u0007', '\u001b', String.fromCodePoint(0xe000 + Math.floor(rand() * 256)), '\u0378', '\uFFFD', '\u200B', '\uFEFF']);
      chars.splice(Math.floor(rand() * chars.length), 0, bad);
      return { hyp: chars.join('') };
    }
    case 'toxicity': {
      const term = ctx.terms.get(tgt);
      if (!u.sep || u.list.length < 2) {
        const chars = Array.from(hyp);
        chars.splice(Math.floor(rand() * chars.length), 0, term);
        return { hyp: chars.join('') };
      }
      const i = Math.floor(rand() * u.list.length);
      return { hyp: [...u.list.slice(0, i), term, ...u.list.slice(i)].join(' ') };
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** Clean items that look like errors on the surface: the same link on both sides, a listed term in both, or glued into a word. */
function control(pair, ctx) {
  const { src, hyp, tgt, id } = pair;
  const r = ctx.rand();
  if (r < 0.5) {
    const link = ctx.rand() < 0.5 ? `https://www.example.org/page-${id}` : `info${id}@example.com`;
    return { src: `${src} (${link})`, hyp: `${hyp} (${link})` };
  }
  const term = ctx.terms.get(tgt);
  const u = units(hyp, tgt);
  if (r < 0.75 || !u.sep) return { src: `${src} ${term}`, hyp: `${hyp} ${term}` };
  // Glued to a word that starts with a letter: no longer a word of its own, so no flag in a spaced script.
  const letterWords = u.list.map((w, k) => (/^\p{L}/u.test(w) ? k : -1)).filter((k) => k >= 0);
  if (letterWords.length === 0) return { src: `${src} ${term}`, hyp: `${hyp} ${term}` };
  const i = pick(ctx.rand, letterWords);
  return { hyp: u.list.map((w, k) => (k === i ? `${term}${w}` : w)).join(' ') };
}

function floresSample(split, perLanguage, seed, terms) {
  const rand = prng(seed);
  const ids = [...data[REFERENCE][split].keys()];
  const items = [];
  for (const tgt of TARGETS) {
    const langIds = ids.filter((id) => data[tgt][split].has(id)).slice(0, perLanguage);
    for (const id of langIds) {
      const pair = { src: data[REFERENCE][split].get(id), hyp: data[tgt][split].get(id), tgt, id };
      const base = { src: pair.src, hyp: pair.hyp, tgtLang: tgt, srcLang: REFERENCE, rtt: noisyEnglish(pair.src, rand) };
      const r = rand();
      const ctx = { rand, split, ids: langIds, terms };
      if (r < 0.45) items.push({ item: base, kind: 'clean' });
      else if (r < 0.5) items.push({ item: { ...base, ...control(pair, ctx) }, kind: 'clean' });
      else {
        const kind = pick(rand, SENTENCE_KINDS);
        const changed = inject(kind, pair, ctx);
        items.push(changed ? { item: { ...base, ...changed }, kind } : { item: base, kind: 'clean' });
      }
    }
  }
  return items;
}

/** GATITOS en_X pairs: single words and short phrases, clean or with a short-input failure injected. */
function gatitosSample(perLanguage, seed, skip) {
  const rand = prng(seed);
  const items = [];
  const files = readdirSync(GATITOS).filter((f) => /^en_.+\.tsv$/u.test(f)).sort();
  const byTag = new Map();
  for (const file of files) {
    const tag = tryToTag(file.slice(3, -4));
    if (!tag || tag === REFERENCE) continue;
    const rows = readFileSync(join(GATITOS, file), 'utf8')
      .split('\n')
      .map((l) => l.split('\t'))
      .filter(([en, x]) => en && x && en.split(' ').length <= 3);
    byTag.set(tag, new Map(rows.map(([en, x]) => [en, x])));
  }
  const tags = [...byTag.keys()];
  for (const tgt of tags) {
    const entries = [...byTag.get(tgt)].filter((_, i) => i % 7 === skip).slice(0, perLanguage);
    for (const [en, x] of entries) {
      const base = { src: en, hyp: x, tgtLang: tgt, srcLang: REFERENCE };
      if (rand() < 0.6) {
        items.push({ item: base, kind: 'clean' });
        continue;
      }
      const kind = pick(rand, SHORT_KINDS);
      let hyp;
      if (kind === 'short-copy') hyp = en;
      else if (kind === 'short-empty') hyp = '';
      else if (kind === 'short-overlong') {
        const donor = data[tgt] ? [...data[tgt].dev.values()] : [...data[pick(rand, TARGETS.filter((t) => t.slice(4) === tgt.slice(4))) ?? REFERENCE].dev.values()];
        hyp = pick(rand, donor);
      } else {
        const others = tags.filter((t) => !expectedScripts(t).some((s) => expectedScripts(tgt).includes(s)) && byTag.get(t).has(en));
        const t = pick(rand, others);
        hyp = t && byTag.get(t).get(en);
      }
      items.push(hyp === undefined || hyp === x ? { item: base, kind: 'clean' } : { item: { ...base, hyp }, kind });
    }
  }
  return items;
}

// ---------------------------------------------------------------- LangID

async function loadClassifier(which, texts) {
  if (which === 'none') return undefined;
  if (which === 'lid.176') {
    const { loadPeer } = await import('../../packages/langid/dist/peers/load-peers.js');
    const peer = await loadPeer('lid.176');
    // The peer answers asynchronously; the detectors read a synchronous classifier, so its answers are computed
    // once here and served from memory.
    const unique = [...new Set(texts)];
    const answers = new Map();
    for (let i = 0; i < unique.length; i += 2000) {
      const batch = unique.slice(i, i + 2000);
      (await peer.predict(batch, { k: 5 })).forEach((p, k) => answers.set(batch[k], p));
    }
    return { name: `${peer.name}@${peer.version}`, classifier: { languages: peer.languages, predict: (ts) => ts.map((t) => answers.get(t)) } };
  }
  const { loadLangIdModel } = await import('../../packages/langid/dist/model/model-folder.js');
  const model = await loadLangIdModel(which);
  return { name: which, classifier: model };
}

// ---------------------------------------------------------------- scoring

function prepareAll(sample, lid) {
  const items = sample.map(({ item }) => prepareItem(item));
  // As analyseErrors does: lower-case vocabularies over the whole sample, per target language.
  const vocabularies = corpusVocabularies(items);
  return sample.map(({ kind }, i) => {
    const prepared = items[i];
    let context = { vocabulary: vocabularies.get(prepared.tgt) };
    if (lid && lid.supported(prepared.tgt)) {
      const [prediction] = lid.classifier.predict([prepared.hyp], { k: 5 });
      context = { ...context, prediction, targetProbability: targetProbability(prediction, prepared.tgt) };
    }
    return { prepared, kind, context };
  });
}

function evaluate(prepared, options, modes) {
  const resolved = resolveErrorOptions({ ...options, modes });
  const stats = Object.fromEntries(modes.map((m) => [m, { correct: 0, wrong: 0, wrongOnClean: 0, positives: 0, found: 0 }]));
  const cleanItems = prepared.filter((p) => p.kind === 'clean').length;
  for (const { prepared: item, kind, context } of prepared) {
    const flagged = new Set(detectPrepared(item, resolved, context).map((f) => f.mode));
    const [primary, accepted] = KINDS[kind] ?? [undefined, []];
    for (const m of modes) {
      const s = stats[m];
      // wrong-language can only be judged where the LangID model knows the target.
      if (primary === m && (m !== 'wrong-language' || context.prediction)) {
        s.positives++;
        if (flagged.has(m)) s.found++;
      }
      if (!flagged.has(m)) continue;
      if (accepted.includes(m)) s.correct++;
      else {
        s.wrong++;
        if (kind === 'clean') s.wrongOnClean++;
      }
    }
  }
  for (const s of Object.values(stats)) {
    s.precision = s.correct + s.wrong ? s.correct / (s.correct + s.wrong) : NaN;
    s.recall = s.positives ? s.found / s.positives : NaN;
    s.f1 = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
    s.cleanRate = s.wrongOnClean / cleanItems;
  }
  return stats;
}

function showExamples(prepared, options, mode) {
  const resolved = resolveErrorOptions({ ...options, modes: [mode] });
  const wrong = [];
  const missed = [];
  for (const { prepared: item, kind, context } of prepared) {
    const flags = detectPrepared(item, resolved, context);
    const [primary, accepted] = KINDS[kind] ?? [undefined, []];
    if (flags.length && !accepted.includes(mode)) wrong.push({ kind, tgt: item.tgt, src: item.src, hyp: item.hyp, flags: flags.map((f) => f.message) });
    if (!flags.length && primary === mode) missed.push({ kind, tgt: item.tgt, src: item.src, hyp: item.hyp });
  }
  const sample = (list) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / 15)) === 0).slice(0, 15);
  console.log(`\n${mode}: ${wrong.length} wrong flags, e.g.`);
  for (const w of sample(wrong)) console.log(JSON.stringify(w));
  console.log(`${mode}: ${missed.length} misses, e.g.`);
  for (const m of sample(missed)) console.log(JSON.stringify(m));
}

/** [modes optimised together, option group, option, grid]. */
const SWEEPS = [
  [['wrong-script'], 'wrongScript', 'minTargetShare', [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]],
  [['wrong-language'], 'wrongLanguage', 'minLetters', [5, 10, 20, 30, 50]],
  [['wrong-language'], 'wrongLanguage', 'minScore', [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]],
  [['wrong-language'], 'wrongLanguage', 'maxTargetProbability', [0.01, 0.05, 0.1, 0.2, 0.3]],
  [['copy'], 'copy', 'minSrcWords', [1, 2, 3, 4, 5]],
  [['copy'], 'copy', 'minChrf', [40, 50, 60, 70, 80, 90]],
  [['copy'], 'copy', 'minRunWords', [3, 4, 5, 6, 8, 10]],
  [['copy'], 'copy', 'minRunShare', [0.1, 0.2, 0.3, 0.4, 0.5]],
  [['repetition'], 'repetition', 'minRepeats', [2, 3, 4, 5]],
  [['repetition'], 'repetition', 'minCoverWords', [2, 3, 4, 6, 8]],
  [['repetition'], 'repetition', 'minRepeatedShare', [0.3, 0.4, 0.5, 0.6, 0.7]],
  [['repetition'], 'repetition', 'minShareIncrease', [0.1, 0.2, 0.3, 0.4]],
  [['length-ratio'], 'lengthRatio', 'minSrcChars', [10, 20, 40]],
  [['length-ratio'], 'lengthRatio', 'maxZ', [2, 2.5, 3, 3.5, 4, 5]],
  [['truncated'], 'truncation', 'maxZ', [0.5, 1, 1.5, 2, 2.5, 3]],
  [['truncated'], 'truncation', 'fallbackMaxZ', [2, 2.5, 3, 4]],
  [['truncated'], 'truncation', 'minTerminalRate', [0.5, 0.7, 0.8, 0.9]],
  [['low-rtt-chrf'], 'roundTrip', 'minChrf', [10, 15, 20, 25, 30, 35, 40]],
  [['number-mismatch'], 'numbers', 'smallNumberMax', [0, 1, 5, 10, 12, 20, 31]],
  [['novel-content', 'entity-mismatch'], 'namedEntities', 'prefixChars', [3, 4, 5, 6]],
  [['novel-content', 'entity-mismatch'], 'namedEntities', 'minSimilarity', [0.3, 0.4, 0.5, 0.6, 0.7, 1.01]],
  [['novel-content', 'entity-mismatch'], 'namedEntities', 'minChars', [2, 3, 4, 5]],
  [['short-input'], 'shortInput', 'overlongFactor', [2, 3, 4, 6, 8]],
  [['short-input'], 'shortInput', 'overlongSlack', [0, 6, 12, 20, 30]],
];

function calibrate(prepared) {
  const options = JSON.parse(JSON.stringify(DETECTOR_DEFAULTS));
  const chosen = [];
  for (const [modes, group, key, grid] of SWEEPS) {
    let best;
    for (const v of grid) {
      const trial = { ...options, [group]: { ...options[group], [key]: v } };
      const stats = evaluate(prepared, trial, modes);
      const f1 = modes.reduce((a, m) => a + stats[m].f1, 0) / modes.length;
      const precision = modes.reduce((a, m) => a + (stats[m].precision || 0), 0) / modes.length;
      // Ties go to the more precise setting.
      if (!best || f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && precision > best.precision)) best = { v, f1, precision };
    }
    options[group] = { ...options[group], [key]: best.v };
    chosen.push({ option: `${group}.${key}`, default: DETECTOR_DEFAULTS[group][key], chosen: best.v, f1: best.f1, modes });
  }
  return { options, chosen };
}

// ---------------------------------------------------------------- main

if (flag('--write-length-table')) {
  writeLengthTable();
  process.exit(0);
}

const t0 = performance.now();
const lidName = value('--langid', 'lid.176');
const termRand = prng(99);
const terms = new Map(TARGETS.map((t) => [t, placeholderTerm(t, termRand)]));
const toxicTerms = new Map([...terms].map(([t, term]) => [t, [term]]));
const dev = [...floresSample('dev', 99, 1, terms), ...gatitosSample(40, 2, 0)];
const train = flag('--calibrate') ? [...floresSample('train', 60, 3, terms), ...gatitosSample(40, 4, 1)] : [];
const lidLoaded = await loadClassifier(lidName, [...dev, ...train].map(({ item }) => item.hyp));
const supportCache = new Map();
const lid = lidLoaded && {
  ...lidLoaded,
  supported: (tag) => {
    if (!supportCache.has(tag)) supportCache.set(tag, lidLoaded.classifier.languages.some((l) => sameLanguage(l, tag, { macro: true })));
    return supportCache.get(tag);
  },
};

console.log(`ntl eval error detectors — Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
console.log(`data: ${FLORES} (eng_Latn → ${TARGETS.length} varieties), ${GATITOS} (short inputs); LangID: ${lid ? lid.name : 'none'}`);

let options = { toxicTerms };
if (train.length) {
  const { options: calibrated, chosen } = calibrate(prepareAll(train, lid));
  options = { ...calibrated, toxicTerms };
  console.log(`\ncalibration on ${train.length} train-split items (FLORES train, GATITOS disjoint entries):`);
  console.log('| option | default | best on train | F1 |\n|---|---|---|---|');
  for (const c of chosen) console.log(`| ${c.option} | ${c.default} | ${c.chosen} | ${c.f1.toFixed(3)} |`);
}

const devPrepared = prepareAll(dev, lid);
const counts = {};
for (const { kind } of dev) counts[kind] = (counts[kind] ?? 0) + 1;
console.log(`\nlabelled sample (FLORES dev + GATITOS): ${dev.length} items; ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (lid) console.log(`LangID covers ${TARGETS.filter((t) => lid.supported(t)).length} of ${TARGETS.length} FLORES targets (wrong-language is judged only there)`);
const stats = evaluate(devPrepared, options, [...ERROR_MODES].filter((m) => m !== 'period-trick'));
console.log('\n| mode | precision | recall | F1 | flags correct / wrong | false-flag rate on clean items | positives |');
console.log('|---|---|---|---|---|---|---|');
const pct = (x) => (Number.isNaN(x) ? '—' : (100 * x).toFixed(1));
for (const [mode, s] of Object.entries(stats)) {
  console.log(`| ${mode} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.correct} / ${s.wrong} | ${pct(s.cleanRate)}% | ${s.positives} |`);
}
for (const mode of value('--show', '').split(',').filter(Boolean)) showExamples(devPrepared, options, mode);
console.log(`\n${((performance.now() - t0) / 1000).toFixed(0)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
