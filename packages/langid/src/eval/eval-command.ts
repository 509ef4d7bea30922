/** `ntl langid eval`: read gold data, predict in batches, score, and write eval.json / eval.html. */
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '@ntl/core';
import type { LangPrediction } from '../prediction.js';
import { readEvalData } from './eval-data.js';
import { renderEvalReport } from './eval-report.js';
import { evaluate, type EvalResult } from './evaluate.js';
import type { MacroMode } from './label-match.js';
import { dataIdentity, type Identity } from './signature.js';
import { loadLangIdModel } from '../model/model-folder.js';
import { modelFolderIdentity } from './model-identity.js';

/** A SentenceClassifier, or a peer adapter whose predict is asynchronous (CLD2). */
export interface EvaluableClassifier {
  readonly languages: readonly string[];
  predict(texts: readonly string[]): LangPrediction[] | Promise<LangPrediction[]>;
}

export type EvalFormat = 'json' | 'html' | 'both';

/** What to evaluate: a model folder (loaded with loadLangIdModel), or any classifier with its identity. */
export type EvalTarget = { readonly modelDir: string } | { readonly classifier: EvaluableClassifier; /** For the signature. */ readonly model: Identity };

export type EvalCommandOptions = EvalTarget & {
  /** A `tag<TAB>text` file or a FLORES/SIB folder. */
  readonly dataPath: string;
  /** FLORES/SIB split. Default `dev`. */
  readonly split?: string;
  /** Folder for eval.json / eval.html; nothing is written when unset. */
  readonly out?: string;
  /** Default `both`. */
  readonly format?: EvalFormat;
  readonly macro?: MacroMode;
  /** Also score over the gold languages these labels cover (a peer's languages). */
  readonly supportedLanguages?: readonly string[];
  /** Sentences per predict call. Default 1000. */
  readonly batchSize?: number;
};

export async function predictAll(classifier: EvaluableClassifier, texts: readonly string[], batchSize = 1000): Promise<LangPrediction[]> {
  const predictions: LangPrediction[] = [];
  for (let start = 0; start < texts.length; start += batchSize) predictions.push(...(await classifier.predict(texts.slice(start, start + batchSize))));
  if (predictions.length !== texts.length) throw new Error(`classifier returned ${predictions.length} predictions for ${texts.length} texts`);
  return predictions;
}

export async function evalCommand(options: EvalCommandOptions): Promise<{ result: EvalResult; files: string[] }> {
  if ('modelDir' in options) {
    const { modelDir, ...rest } = options;
    const model = await loadLangIdModel(modelDir);
    try {
      return await evalCommand({ ...rest, classifier: model, model: modelFolderIdentity(modelDir) });
    } finally {
      model.dispose();
    }
  }
  const { classifier, model, dataPath, out, format = 'both' } = options;
  const data = await readEvalData(dataPath, options.split === undefined ? {} : { split: options.split });
  if (data.sentences.length === 0) throw new Error(`${dataPath}: no sentences to evaluate`);
  const predictions = await predictAll(
    classifier,
    data.sentences.map(({ text }) => text),
    options.batchSize,
  );
  const result = evaluate(data.sentences, predictions, {
    model,
    data: dataIdentity(data.name, data.sentences),
    ...(options.macro ? { macro: options.macro } : {}),
    ...(options.supportedLanguages ? { supportedLanguages: options.supportedLanguages } : {}),
  });
  const files: string[] = [];
  if (out !== undefined) {
    if (format !== 'html') {
      files.push(join(out, 'eval.json'));
      writeJsonAtomic(join(out, 'eval.json'), result);
    }
    if (format !== 'json') {
      files.push(join(out, 'eval.html'));
      writeFileAtomic(join(out, 'eval.html'), renderEvalReport(result));
    }
  }
  return { result, files };
}
