/**
 * `filter.consistency`, document consistency (Bapna et al. 2022 §2.1.3): the sentence-level LangID of each
 * segment must agree with the document-level LangID, where "agree" allows the languages LangID confuses
 * with each other (the confusable clusters @ntl/langid writes with writeClusters), since within a cluster a
 * sentence label is weak evidence. Disagreeing sentences are dropped; a document whose identified sentences
 * mostly disagree is dropped too. Segments LangID left undetermined (und_Zyyy, or no label) say nothing
 * either way: they are neither dropped here nor counted in the share.
 */
import { sameLanguage, UND } from '@ntl/core';
import { modelClustersFile, defaultModelDir, readClusters } from '@ntl/langid';
import { defineFilter, Skip } from '../filter-step/define-filter.js';
import type { Scores } from '../filter-step/threshold-spec.js';

/** Tag → the other tags of its cluster. */
function clusterIndex(clusters: readonly (readonly string[])[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const cluster of clusters) for (const tag of cluster) index.set(tag, new Set([...(index.get(tag) ?? []), ...cluster]));
  return index;
}

function clustersOf(option: string): string[][] {
  if (option === 'none') return [];
  const path = option === '' ? modelClustersFile(defaultModelDir()) : option;
  return path === undefined ? [] : readClusters(path).clusters;
}

export const consistencyFilter = defineFilter({
  name: 'consistency',
  description: 'document consistency: sentence LangID must agree with document LangID up to confusable clusters (Bapna et al. 2022 §2.1.3)',
  levels: ['document', 'sentence', 'both'],
  defaultLevel: 'both',
  needsLanguage: true,
  options: {
    clusters: {
      type: 'string',
      default: '',
      description:
        'confusable-clusters file (clusters.json of a LangID model folder); empty: the default LangID model’s clusters when it has them; "none": only the same language (any spelling) agrees',
    },
  },
  thresholds: {
    maxDisagreement: {
      measure: 'disagreement',
      bound: 'max',
      default: 0.9,
      min: 0,
      max: 1,
      reason: 'sentence_language_mismatch',
      description:
        'a sentence whose LangID names a language outside the document’s cluster with a score above this is dropped; 0.9 (ours: sentence LangID is noisy, and at 0, as §2.1.3 reads, 72% of the sentences it dropped from unseen FLORES text were in-language)',
      calibrate: false,
    },
    minAgreement: {
      measure: 'agreement',
      bound: 'min',
      default: 0.5,
      min: 0,
      max: 1,
      reason: 'inconsistent_document',
      description: 'minimum share of a document’s identified sentences that agree with its language; 0.5 (ours): most identified sentences must agree',
    },
  },
  scorer(options) {
    const clusters = clusterIndex(clustersOf(options.clusters));
    // Memoised per (document label, sentence label): a document asks the same pair once per sentence.
    const decided = new Map<string, Map<string, boolean>>();
    const agrees = (sentence: string, doc: string): boolean => {
      let byDoc = decided.get(doc);
      if (!byDoc) decided.set(doc, (byDoc = new Map()));
      let agreement = byDoc.get(sentence);
      if (agreement === undefined) byDoc.set(sentence, (agreement = sameLanguage(sentence, doc) || (clusters.get(doc)?.has(sentence) ?? false)));
      return agreement;
    };
    return {
      score({ doc, lang, level, index }): Scores | Skip {
        if (level === 'sentence') {
          const segment = doc.segments?.[index ?? -1];
          if (!segment?.lang || segment.lang === UND) return new Skip('undetermined-sentence');
          return { disagreement: agrees(segment.lang, lang) ? 0 : (segment.score ?? 1) };
        }
        let identified = 0;
        let agreeing = 0;
        for (const segment of doc.segments ?? []) {
          // Sentences an earlier filter removed are no longer part of the document.
          if (segment.drop || !segment.lang || segment.lang === UND) continue;
          identified++;
          if (agrees(segment.lang, lang)) agreeing++;
        }
        if (identified === 0) return new Skip('no-identified-sentences');
        return { agreement: agreeing / identified, sentences: identified };
      },
    };
  },
});
