/**
 * The pipeline step `langid.detect`: fills `doc.lang` ({tag, score, top}, plus `reason` when the tag is
 * und_Zyyy) from the document's sentence evidence, and `segments[i].lang/score` for each segment.
 * Counters: `langid.detect.docs.<tag>` per document, `langid.detect.und.<reason>` for undetermined ones.
 * Documents already dropped upstream pass through untouched and uncounted (mapStep's rule).
 */
import { defineStep, mapStep, UND, type Doc, type Segment } from '@ntl/core';
import { defaultModelDir } from '../model/default-model.js';
import { loadLangIdModel } from '../model/model-folder.js';
import type { NgramLangIdModel } from '../model/ngram-model.js';
import type { LangPrediction, SentenceClassifier } from '../prediction.js';
import { predictDocument } from './predict.js';
import { splitSentences } from './sentences.js';

const NAME = 'langid.detect';

/** Ranks of one process share a loaded model. */
const loaded = new Map<string, Promise<NgramLangIdModel>>();

function loadShared(dir: string): Promise<NgramLangIdModel> {
  let model = loaded.get(dir);
  if (!model) {
    model = loadLangIdModel(dir);
    loaded.set(dir, model);
    model.catch(() => loaded.delete(dir));
  }
  return model;
}

export interface DetectOptions {
  level: 'document' | 'sentence';
  minScore: number;
  top: number;
  reject: boolean;
  /** Let the model's cluster refiners decide inside confusable clusters (models built with them); default true. */
  refine?: boolean;
}

/** A segment's `lang`/`score` from its sentence prediction, minScore applied. */
function segmentLabel(prediction: LangPrediction, minScore: number): { lang: string; score: number } {
  return prediction.tag !== UND && prediction.score < minScore ? { lang: UND, score: 1 - prediction.score } : { lang: prediction.tag, score: prediction.score };
}

/** Annotates one document (pure apart from the model): the step's whole job, exported for callers without a pipeline. */
export function detectDocument(model: SentenceClassifier, doc: Doc, options: DetectOptions): Doc {
  const spans = doc.segments ?? (options.level === 'sentence' ? splitSentences(doc.text) : undefined);
  const result = predictDocument(model, doc.text, {
    k: options.top,
    minScore: options.minScore,
    reject: options.reject,
    refine: options.refine ?? true,
    ...(spans ? { segments: spans } : {}),
  });
  const lang: LangPrediction = { tag: result.tag, score: result.score, top: result.top, ...(result.reason ? { reason: result.reason } : {}) };
  const annotated: Doc = { ...doc, lang };
  if (spans) {
    annotated.segments = spans.map((span, i): Segment => {
      const prediction = result.sentences[i]?.prediction;
      return prediction ? { ...span, ...segmentLabel(prediction, options.minScore) } : { ...span };
    });
  }
  return annotated;
}

export const detectStep = defineStep({
  name: NAME,
  description: 'language identification of documents and their segments (n-gram model, sentence evidence aggregated per document)',
  options: {
    model: {
      type: 'string',
      default: '',
      description:
        'model folder; empty: models/langid-full if built, else models/langid-udhr (looked up under the working directory, then under the repository holding @ntl/langid)',
    },
    level: {
      type: 'enum',
      values: ['document', 'sentence'],
      default: 'document',
      description: 'document: lang from the sentences, segments[].lang where segments exist; sentence: also splits documents without segments into sentence segments',
    },
    minScore: {
      type: 'number',
      default: 0,
      min: 0,
      max: 1,
      description: 'documents and segments scoring below this become und_Zyyy (in addition to the model’s per-language thresholds)',
    },
    top: { type: 'integer', default: 3, min: 1, max: 20, description: 'labels kept in lang.top' },
    reject: {
      type: 'boolean',
      default: true,
      description: 'apply the model’s per-language reject thresholds (sentences and documents under them become und_Zyyy): precision first, as for a corpus (Caswell et al. 2020)',
    },
    refine: {
      type: 'boolean',
      default: true,
      description: 'let the model’s cluster refiners decide among confusable languages (models built with them); false: stage 1 alone (faster)',
    },
  },
  create(options) {
    const dir = options.model === '' ? defaultModelDir() : options.model;
    const detect: DetectOptions = { level: options.level as DetectOptions['level'], minScore: options.minScore, top: options.top, reject: options.reject, refine: options.refine };
    return async function* (input, ctx) {
      const firstInProcess = !loaded.has(dir);
      const model = await loadShared(dir);
      if (firstInProcess) ctx.log.info(`${NAME}: model loaded`, { model: dir, languages: model.languages.length });
      yield* mapStep(NAME, (doc) => {
        const annotated = detectDocument(model, doc, detect);
        const lang = annotated.lang as LangPrediction;
        ctx.stats.add(`${NAME}.docs.${lang.tag}`);
        if (lang.tag === UND) ctx.stats.add(`${NAME}.und.${lang.reason ?? 'unknown'}`);
        return annotated;
      })(input, ctx);
    };
  },
});
