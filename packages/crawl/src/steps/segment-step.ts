import { defineStep, mapStep } from '@ntl/core';
import { type SegmenterEngine, segmentSentences } from '../segment/segment-sentences.js';

const NAME = 'crawl.segment';

/**
 * Fills `doc.segments` with sentence spans (UTF-16 offsets into `text`), replacing any there.
 * Run it after crawl.dedup, which may remove paragraphs and so move offsets.
 */
export const segmentStep = defineStep({
  name: NAME,
  description: 'sentence segmentation across scripts (rule-based, or Intl.Segmenter plus rules)',
  options: {
    engine: {
      type: 'enum',
      values: ['rules', 'intl'],
      default: 'rules',
      description: 'rules: one-pass splitter (fast); intl: ICU sentence rules via Intl.Segmenter plus Thai/Tibetan/Greek rules',
    },
    locale: { type: 'string', default: '', description: 'BCP 47 locale for the intl engine; empty for ICU root rules' },
    minSentenceChars: {
      type: 'integer',
      default: 0,
      min: 0,
      description: 'sentences shorter than this (code points) are merged into a neighbour in their paragraph; 0 keeps all',
    },
  },
  create(options) {
    const segmentOptions = {
      engine: options.engine as SegmenterEngine,
      minSentenceChars: options.minSentenceChars,
      ...(options.locale ? { locale: options.locale } : {}),
    };
    return mapStep(NAME, (doc, ctx) => {
      const segments = segmentSentences(doc.text, segmentOptions);
      ctx.stats.add(`${NAME}.sentences`, segments.length);
      return { ...doc, segments };
    });
  },
});
