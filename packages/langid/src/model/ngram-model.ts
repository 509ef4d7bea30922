/**
 * Stage 1 LangID: script pre-check, then the fastText n-gram model, then (when the folder has them) the refiner
 * of the cluster of the best label unless stage 1 is sure of it (refiners/cluster-refiners.ts; manifest
 * `refineBelow`), then per-language thresholds.
 * Defined answers for every string (issue 3, "Bad input"):
 * - empty or whitespace-only → `und_Zyyy`, reason 'empty';
 * - no letters once URLs, e-mails, digits, punctuation, symbols and emoji are removed → 'no-letters';
 * - letters only in scripts none of the model's languages use → 'unknown-script';
 * - best score under the language's threshold → 'below-threshold' (top still lists the candidates), or with
 *   `reject: false` the best label marked `belowThreshold`;
 * - lone surrogates become U+FFFD; texts are cut to `maxChars` code points (after a raw cut at 4 × maxChars
 *   UTF-16 units, so a 1 MB line costs no more than a long sentence);
 * - two scripts each holding ≥ 30% of the letters → still predicted, with `mixedScript: true`.
 */
import { UND } from '@ntl/core';
import type { TagClassifier } from '../ngram/fasttext-classifier.js';
import { modelText } from '../ngram/model-text.js';
import type { LangPrediction, PredictOptions, SentenceClassifier } from '../prediction.js';
import type { ClusterRefiners } from '../refiners/cluster-refiners.js';
import { precheck } from '../script-precheck/precheck.js';
import { ScriptIndex } from '../script-precheck/script-index.js';
import type { LangIdModelManifest } from './manifest.js';

export interface NgramPrediction extends LangPrediction {
  /** Two scripts each hold at least 30% of the letters (the prediction is still made). */
  mixedScript?: boolean;
}

/** Raw input is cut to this many UTF-16 units per kept code point before normalising. */
const RAW_CHARS_PER_KEPT_CHAR = 4;

function undetermined(reason: string, score = 1, top: Array<[string, number]> = []): NgramPrediction {
  return { tag: UND, score, top, reason };
}

/** Sets the mixed-script flag on an answer (added last, as the answer's last key). */
function flagged(prediction: NgramPrediction, mixedScript: boolean): NgramPrediction {
  if (mixedScript) prediction.mixedScript = true;
  return prediction;
}

function firstCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = Array.from(text).slice(0, max).join('');
  return kept.trimEnd();
}

export class NgramLangIdModel implements SentenceClassifier {
  readonly languages: readonly string[];
  private readonly scripts: ScriptIndex;
  /** manifest.thresholds as a Map: read for every prediction. */
  private readonly thresholds: ReadonlyMap<string, number>;
  /** Stage 1 answers at least this probable skip the refiners (manifest.refineBelow). */
  private readonly refineBelow: number;

  /**
   * `classifier`: FastTextClassifier (the TypeScript engine); the wasm reference runtime also fits. `refiners`:
   * the folder's cluster refiners (the thresholds in the manifest were then chosen on refined answers).
   */
  constructor(
    readonly manifest: LangIdModelManifest,
    private readonly classifier: TagClassifier,
    readonly refiners?: ClusterRefiners,
  ) {
    this.languages = manifest.languages;
    this.scripts = new ScriptIndex(manifest.languages);
    this.thresholds = new Map(Object.entries(manifest.thresholds));
    this.refineBelow = manifest.refineBelow ?? Number.POSITIVE_INFINITY;
  }

  /** The reject threshold of a tag (0 when it has none). */
  threshold(tag: string): number {
    return this.thresholds.get(tag) ?? 0;
  }

  predict(texts: readonly string[], options: PredictOptions = {}): NgramPrediction[] {
    const k = Math.max(1, Math.floor(options.k ?? 1));
    const reject = options.reject ?? true;
    const refiners = options.refine === false ? undefined : this.refiners;
    const predictions: NgramPrediction[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) predictions[i] = this.predictOne(texts[i], k, reject, refiners);
    return predictions;
  }

  private predictOne(input: unknown, k: number, reject: boolean, refiners: ClusterRefiners | undefined): NgramPrediction {
    const text = typeof input === 'string' ? input : String(input ?? '');
    if (text.trim() === '') return undetermined('empty');
    const { maxChars } = this.manifest;
    const raw = text.length > maxChars * RAW_CHARS_PER_KEPT_CHAR ? text.slice(0, maxChars * RAW_CHARS_PER_KEPT_CHAR) : text;
    const clean = firstCodePoints(modelText(raw, this.manifest.modelText), maxChars);
    const check = precheck(clean, this.scripts);
    if (check.kind === 'undetermined') return undetermined(check.reason);
    if (check.kind === 'decided') return flagged({ tag: check.tag, score: 1, top: [[check.tag, 1]] }, check.mixedScript);
    let top = this.classifier.predict(clean, k);
    const cluster = (top[0]?.[1] ?? 0) < this.refineBelow ? refiners?.clusterOf(top[0]?.[0]) : undefined;
    if (refiners && cluster) top = refiners.refine(top, clean, this.clusterMass(clean, cluster));
    const [tag, score] = top[0] ?? [UND, 0];
    if (tag === UND) return undetermined('no-letters');
    if (score < this.threshold(tag)) {
      return flagged(reject ? undetermined('below-threshold', 1 - score, top) : { tag, score, top, belowThreshold: true }, check.mixedScript);
    }
    return flagged({ tag, score, top }, check.mixedScript);
  }

  /**
   * Stage 1's probability of a cluster for the text it just ranked: its members' sum, read off the kept hidden
   * vector by classifiers that offer it, else from a ranking of every label (the wasm reference runtime).
   */
  private clusterMass(clean: string, members: readonly string[]): number {
    const probabilities = this.classifier.probabilities?.(members);
    if (probabilities) return Math.min(1, probabilities.reduce((sum, p) => sum + p, 0));
    const wanted = new Set(members);
    const all = this.classifier.predict(clean, this.languages.length);
    return Math.min(1, all.reduce((sum, [tag, p]) => (wanted.has(tag) ? sum + p : sum), 0));
  }

  /** Frees the classifiers' native memory when they have any (the wasm reference runtime does; the TS engine has none). */
  dispose(): void {
    this.classifier.dispose?.();
    for (const refiner of this.refiners?.refiners ?? []) refiner.dispose?.();
  }
}
