import { type Doc, type Step, defineStep, mapStep } from '@ntl/core';
import { ExactDeduplicator } from '../dedup/exact-dedup.js';
import { DEFAULT_NEAR_DUPLICATE_OPTIONS, NearDuplicateIndex } from '../dedup/near-dedup.js';

const NAME = 'crawl.dedup';

/**
 * Exact and near-duplicate removal, first occurrence wins:
 *  1. exact duplicate documents (same paragraph keys, dedup-key.ts) are marked dropped
 *     (`exact_duplicate`, meta.duplicateOf);
 *  2. MinHash-LSH near duplicates of the full text are marked dropped (`near_duplicate`,
 *     meta.nearDuplicateOf and meta.jaccard, the estimated similarity);
 *  3. paragraphs seen before in the shard are removed from the text (counted in stats and in
 *     meta.repeatedParagraphsRemoved); a document left empty is marked dropped (`repeated_paragraphs`).
 * Dropped documents keep their text and go on to the writer's audit output.
 *
 * The state is per step invocation, i.e. per rank (process): duplicates across shards are found
 * after the last task by the corpus pass (dedup/corpus-dedup.ts), which `ntl run` starts itself
 * when `acrossShards` is set and `ntl dedup <run>` starts on any finished run. Paragraph removal
 * moves offsets, so run this before crawl.segment (the default pipeline order is extract →
 * normalize → dedup → segment); segments already on a changed document are removed and counted
 * (`crawl.dedup.segments_cleared`).
 */
export const dedupStep = defineStep({
  name: NAME,
  description: 'exact paragraph/document dedup and MinHash-LSH near-duplicate detection within a shard',
  options: {
    exact: { type: 'boolean', default: true, description: 'drop exact duplicate documents and repeated paragraphs' },
    near: { type: 'boolean', default: true, description: 'drop near-duplicate documents (MinHash-LSH)' },
    bands: { type: 'integer', default: DEFAULT_NEAR_DUPLICATE_OPTIONS.bands, min: 1, max: 64, description: 'LSH bands (datatrove 14)' },
    rows: { type: 'integer', default: DEFAULT_NEAR_DUPLICATE_OPTIONS.rows, min: 1, max: 64, description: 'MinHash values per band (datatrove 8)' },
    shingle: {
      type: 'integer',
      default: DEFAULT_NEAR_DUPLICATE_OPTIONS.shingle,
      min: 1,
      max: 32,
      description: 'tokens per shingle; words, or characters in scripts without spaces (datatrove 5)',
    },
    threshold: {
      type: 'number',
      default: DEFAULT_NEAR_DUPLICATE_OPTIONS.threshold,
      min: 0,
      max: 1,
      description: 'minimum estimated Jaccard for an LSH collision to count; 0 accepts every collision (datatrove)',
    },
    seed: { type: 'integer', default: DEFAULT_NEAR_DUPLICATE_OPTIONS.seed, description: 'MinHash seed (same seed, same result)' },
    // Read by `ntl run`, not by the step: the pass needs every shard's corpus, so it runs after the last task.
    acrossShards: {
      type: 'boolean',
      default: false,
      description: 'once every shard is written, also drop whole-document duplicates across shards, per language (the ntl dedup pass)',
    },
  },
  create(options): Step {
    return (input, ctx) => {
      const exact = new ExactDeduplicator();
      const { bands, rows, shingle, threshold, seed } = options;
      const near = options.near ? new NearDuplicateIndex({ bands, rows, shingle, threshold, seed }) : undefined;
      const dropped = (doc: Doc, reason: string, meta: Record<string, unknown>): Doc => {
        ctx.stats.drop(NAME, reason);
        return { ...doc, meta: { ...doc.meta, ...meta }, drop: { filter: NAME, reason } };
      };
      return mapStep(NAME, (doc) => {
        const paragraphs = doc.text.split('\n');
        const fingerprints = options.exact ? exact.fingerprints(paragraphs) : [];
        if (options.exact && fingerprints.some(Boolean)) {
          const earlier = exact.earlierDocument(doc.id, fingerprints);
          if (earlier !== undefined) return dropped(doc, 'exact_duplicate', { duplicateOf: earlier });
        }
        if (near) {
          const match = near.add(doc.id, doc.text);
          if (match) return dropped(doc, 'near_duplicate', { nearDuplicateOf: match.duplicateOf, jaccard: Math.round(match.jaccard * 1000) / 1000 });
        }
        if (!options.exact) return doc;
        const { kept, removed } = exact.removeSeenParagraphs(paragraphs, fingerprints);
        ctx.stats.add(`${NAME}.paragraphs_in`, paragraphs.length);
        if (removed === 0) return doc;
        ctx.stats.add(`${NAME}.paragraphs_removed`, removed);
        if (kept.length === 0) return dropped(doc, 'repeated_paragraphs', { repeatedParagraphsRemoved: removed });
        const { segments, ...rest } = doc;
        if (segments) ctx.stats.add(`${NAME}.segments_cleared`);
        return { ...rest, text: kept.join('\n'), meta: { ...doc.meta, repeatedParagraphsRemoved: removed } };
      })(input, ctx);
    };
  },
});
