import type { TextBlock } from './html-blocks.js';
import { measureText } from './text-measure.js';

/**
 * jusText's paragraph classifier (Pomikálek 2011; miso-belica/jusText core.py) without stop-word
 * lists, so it works for any language. jusText's stop-word density tells prose from lists of names
 * and links; here that job falls to signals every script has: the letter ratio (bad below
 * `minLetterRatio`) and sentence punctuation — a medium-length paragraph that ends like a sentence
 * (any Sentence_Terminal character or Tibetan shad, then closing quotes) is good, otherwise
 * near-good and judged by its neighbours. Scripts without sentence punctuation (Thai, Lao) rely on
 * long paragraphs and neighbours. Lengths are weighted code points (text-measure.ts).
 */
export interface BlockClassifierOptions {
  /** Share of the block's text inside links above this → bad. jusText MAX_LINK_DENSITY_DEFAULT 0.2. */
  maxLinkDensity: number;
  /**
   * The same limit for prose: a block of at least `lengthLow` that ends like a sentence. Wikipedia
   * paragraphs — a main source for small languages — are often more than half links; trafilatura's
   * link_density_test uses 0.8 and spares long paragraphs, jusText's 0.2 would drop them all.
   */
  maxProseLinkDensity: number;
  /** Shorter than this → short (bad if it holds any link). jusText LENGTH_LOW_DEFAULT 70. */
  lengthLow: number;
  /** Longer than this → good; between lengthLow and this → good if it ends like a sentence, else near-good. jusText LENGTH_HIGH_DEFAULT 200. */
  lengthHigh: number;
  /** A short heading within this many characters before a good paragraph is kept. jusText MAX_HEADING_DISTANCE_DEFAULT 200. */
  maxHeadingDistance: number;
  /**
   * Letters / non-space characters below this → bad: rows of numbers, prices, dates, separators
   * and symbol strings ("» | « · 1 2 3"). Prose in any script is typically ≥ 0.8 letters; 0.5 is our default.
   */
  minLetterRatio: number;
}

export const DEFAULT_BLOCK_CLASSIFIER_OPTIONS: Readonly<BlockClassifierOptions> = {
  maxLinkDensity: 0.2,
  maxProseLinkDensity: 0.8,
  lengthLow: 70,
  lengthHigh: 200,
  maxHeadingDistance: 200,
  minLetterRatio: 0.5,
};

const ENDS_LIKE_SENTENCE = /[\p{Sentence_Terminal}\u0f0d-\u0f11][\p{Pe}\p{Pf}\p{Pi}"'\s]*$/u;

type BlockClass = 'good' | 'bad' | 'short' | 'neargood';

interface Classified {
  length: number;
  heading: boolean;
  /** Context-free class (jusText cf_class). */
  initial: BlockClass;
  current: BlockClass;
}

/**
 * Context-free class. `boilerplate` blocks (text mostly inside nav/footer/class="sidebar"…) are bad
 * unless the caller re-runs with `trustContainers` false because nothing else survived.
 */
function classifyAlone(block: TextBlock, length: number, letters: number, nonSpace: number, options: BlockClassifierOptions, trustContainers: boolean): BlockClass {
  if (trustContainers && block.boilerplateLength * 2 > block.rawLength) return 'bad';
  const endsLikeSentence = ENDS_LIKE_SENTENCE.test(block.text.slice(-16));
  const linkLimit = length >= options.lengthLow && endsLikeSentence ? options.maxProseLinkDensity : options.maxLinkDensity;
  if (block.linkLength > linkLimit * block.rawLength) return 'bad';
  if (block.text.includes('\u00a9')) return 'bad'; // "©": jusText's copyright-line rule
  if (nonSpace === 0 || letters / nonSpace < options.minLetterRatio) return 'bad';
  if (length < options.lengthLow) return block.linkLength > 0 ? 'bad' : 'short';
  return length > options.lengthHigh || endsLikeSentence ? 'good' : 'neargood';
}

/** jusText `_get_neighbour`: the nearest good/bad (or near-good) class, document edges count as bad. */
function neighbour(blocks: readonly Classified[], index: number, step: 1 | -1, ignoreNeargood: boolean): BlockClass {
  for (let i = index + step; i >= 0 && i < blocks.length; i += step) {
    const cls = blocks[i]!.current;
    if (cls === 'good' || cls === 'bad') return cls;
    if (cls === 'neargood' && !ignoreNeargood) return cls;
  }
  return 'bad';
}

function goodFollowsWithin(blocks: readonly Classified[], index: number, maxDistance: number): boolean {
  let distance = 0;
  for (let j = index + 1; j < blocks.length && distance <= maxDistance; j++) {
    if (blocks[j]!.current === 'good') return true;
    distance += blocks[j]!.length;
  }
  return false;
}

/** Returns, per block, whether it is main text (jusText's final "good"). */
export function classifyBlocks(blocks: readonly TextBlock[], options: BlockClassifierOptions = DEFAULT_BLOCK_CLASSIFIER_OPTIONS, trustContainers = true): boolean[] {
  const classified: Classified[] = blocks.map((block) => {
    const { length, letters, nonSpace } = measureText(block.text);
    const initial = classifyAlone(block, length, letters, nonSpace, options, trustContainers);
    return { length, heading: block.heading, initial, current: initial };
  });

  // Short headings right before good text become near-good.
  classified.forEach((block, i) => {
    if (block.heading && block.current === 'short' && goodFollowsWithin(classified, i, options.maxHeadingDistance)) block.current = 'neargood';
  });

  // Short blocks take their class from the nearest good/bad neighbours.
  const shortClasses = classified.map((block, i): BlockClass => {
    if (block.current !== 'short') return block.current;
    const previous = neighbour(classified, i, -1, true);
    const next = neighbour(classified, i, 1, true);
    if (previous === next) return previous;
    const nearGoodSide =
      (previous === 'bad' && neighbour(classified, i, -1, false) === 'neargood') ||
      (next === 'bad' && neighbour(classified, i, 1, false) === 'neargood');
    return nearGoodSide ? 'good' : 'bad';
  });
  classified.forEach((block, i) => (block.current = shortClasses[i]!));

  // Near-good blocks are bad only between two bad ones (updated in place, as jusText does).
  classified.forEach((block, i) => {
    if (block.current !== 'neargood') return;
    const bothBad = neighbour(classified, i, -1, true) === 'bad' && neighbour(classified, i, 1, true) === 'bad';
    block.current = bothBad ? 'bad' : 'good';
  });

  // Headings that were not bad on their own are kept when good text follows closely.
  classified.forEach((block, i) => {
    if (block.heading && block.current === 'bad' && block.initial !== 'bad' && goodFollowsWithin(classified, i, options.maxHeadingDistance)) {
      block.current = 'good';
    }
  });

  return classified.map((block) => block.current === 'good');
}
