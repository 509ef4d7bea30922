/**
 * Temperature sampling across languages (Arivazhagan et al. 2019, used by the paper's line of work with T≈3):
 * language l gets a share p(l) ∝ n_l^(1/T) of the sampled corpus, so T=1 keeps the natural proportions and
 * larger T flattens them towards uniform. Small languages are upsampled by repetition, big ones capped by
 * sampling without replacement.
 */
import type { LabeledText } from './labeled-text.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

export interface TemperatureOptions {
  /** T ≥ 1; default 3. */
  temperature?: number;
  /** Size of the sampled corpus; default the input size. */
  total?: number;
  /** No language is repeated more than this many times over (one sentence copied 1,000 times teaches nothing new); default 100. */
  maxRepeat?: number;
  /** Default 1. */
  seed?: number;
}

export const DEFAULT_TEMPERATURE = 3;

/** p(l) ∝ n_l^(1/T), summing to 1, for every language with a positive count. */
export function temperatureShares(counts: Readonly<Record<string, number>>, temperature = DEFAULT_TEMPERATURE): Record<string, number> {
  if (!(temperature > 0)) throw new RangeError(`temperature must be positive, got ${temperature}`);
  const weights = Object.entries(counts).filter(([, n]) => n > 0).map(([tag, n]) => [tag, n ** (1 / temperature)] as const);
  const sum = weights.reduce((total, [, w]) => total + w, 0);
  return Object.fromEntries(weights.map(([tag, w]) => [tag, w / sum]));
}

/** Number of texts each language gets: round(total · p(l)), at most maxRepeat · n_l. */
export function temperatureTargets(counts: Readonly<Record<string, number>>, options: TemperatureOptions = {}): Record<string, number> {
  const total = options.total ?? Object.values(counts).reduce((sum, n) => sum + n, 0);
  const maxRepeat = options.maxRepeat ?? 100;
  const shares = temperatureShares(counts, options.temperature);
  return Object.fromEntries(Object.entries(shares).map(([tag, p]) => [tag, Math.min(Math.round(total * p), maxRepeat * (counts[tag] ?? 0))]));
}

/** The resampled corpus, grouped by language in first-seen order (shuffle before training). */
export function temperatureSample(texts: readonly LabeledText[], options: TemperatureOptions = {}): LabeledText[] {
  const byTag = new Map<string, LabeledText[]>();
  for (const text of texts) {
    const list = byTag.get(text.tag);
    if (list) list.push(text);
    else byTag.set(text.tag, [text]);
  }
  const targets = temperatureTargets(Object.fromEntries([...byTag].map(([tag, list]) => [tag, list.length])), options);
  const random = seededRandom(options.seed ?? 1);
  const sampled: LabeledText[] = [];
  for (const [tag, list] of byTag) {
    const target = targets[tag] ?? 0;
    for (let copy = 0; copy < Math.floor(target / list.length); copy++) sampled.push(...list);
    sampled.push(...shuffleInPlace([...list], random).slice(0, target % list.length));
  }
  return sampled;
}
