/**
 * `filter.heuristics`: length and character-class rules for whole documents. Defaults are Gopher's quality
 * rules (Rae et al. 2021, App. A.1.1, with datatrove's GopherQualityFilter values) and FineWeb's short-line
 * rule (Penedo et al. 2024, datatrove's FineWebQualityFilter); the letter-share and URL-share rules are ours.
 * Gopher's English stop-word rule is left out: filter.wordlist is its multilingual counterpart.
 */
import { defineFilter } from '../filter-step/define-filter.js';
import { textMeasures } from './text-measures.js';

const GOPHER = 'Gopher (Rae et al. 2021, App. A.1.1; datatrove GopherQualityFilter)';

export const heuristicsFilter = defineFilter({
  name: 'heuristics',
  description: 'length and character-class heuristics (Gopher quality rules, FineWeb short lines, letter and URL shares)',
  levels: ['document'],
  defaultLevel: 'document',
  needsLanguage: false,
  options: {
    shortLineChars: { type: 'integer', default: 30, min: 1, description: 'a line of at most this many characters is short (FineWeb: 30)' },
  },
  thresholds: {
    minChars: { measure: 'chars', bound: 'min', default: 0, min: 0, max: 1e9, reason: 'too_few_chars', description: 'minimum characters; 0 (off): Gopher bounds words, not characters' },
    minWords: { measure: 'words', bound: 'min', default: 50, min: 0, max: 1e9, reason: 'too_few_words', description: `minimum words (a character each in scripts without spaces); 50 from ${GOPHER}` },
    maxWords: { measure: 'words', bound: 'max', default: 100_000, min: 0, max: 1e9, reason: 'too_many_words', description: `maximum words; 100,000 from ${GOPHER}` },
    minMeanWordLength: { measure: 'meanWordLength', bound: 'min', default: 3, min: 0, max: 1000, reason: 'short_words', description: `minimum mean word length in characters (spaced scripts only); 3 from ${GOPHER}` },
    maxMeanWordLength: { measure: 'meanWordLength', bound: 'max', default: 10, min: 0, max: 1000, reason: 'long_words', description: `maximum mean word length; 10 from ${GOPHER}` },
    maxHashRatio: { measure: 'hashRatio', bound: 'max', default: 0.1, min: 0, max: 1000, reason: 'too_many_hashes', description: `maximum "#" per word; 0.1 from ${GOPHER}` },
    maxEllipsisRatio: { measure: 'ellipsisRatio', bound: 'max', default: 0.1, min: 0, max: 1000, reason: 'too_many_ellipses', description: `maximum "..."/"…" per word; 0.1 from ${GOPHER}` },
    maxBulletLines: { measure: 'bulletLines', bound: 'max', default: 0.9, min: 0, max: 1, reason: 'bullet_lines', description: `maximum share of lines starting with a bullet; 0.9 from ${GOPHER}` },
    maxEllipsisLines: { measure: 'ellipsisLines', bound: 'max', default: 0.3, min: 0, max: 1, reason: 'ellipsis_lines', description: `maximum share of lines ending in an ellipsis; 0.3 from ${GOPHER}` },
    minAlphaWords: { measure: 'alphaWords', bound: 'min', default: 0.8, min: 0, max: 1, reason: 'few_alphabetic_words', description: `minimum share of space-separated words with a letter; 0.8 from ${GOPHER}` },
    minLetterShare: { measure: 'letterShare', bound: 'min', default: 0.5, min: 0, max: 1, reason: 'few_letters', description: 'minimum share of letters among non-space characters (against digits, punctuation, symbols); 0.5 (ours)' },
    maxUrlShare: { measure: 'urlShare', bound: 'max', default: 0.2, min: 0, max: 1, reason: 'url_heavy', description: 'maximum share of non-space characters inside URLs and e-mail addresses; 0.2 (ours)' },
    maxShortLines: {
      measure: 'shortLines',
      bound: 'max',
      default: 0.67,
      min: 0,
      max: 1,
      reason: 'short_lines',
      description: 'maximum share of short lines (menus, lists of names); 0.67 from FineWeb (Penedo et al. 2024; datatrove FineWebQualityFilter)',
    },
  },
  scorer(options) {
    return { score: ({ text }) => textMeasures(text, { shortLineChars: options.shortLineChars }) };
  },
});
