/**
 * The ground truth (`truth.jsonl` of `ntl synth-crawl`, docs/synth-crawl.md) in the terms precision and recall
 * count: each sentence either counts for one language or for none.
 *
 * - Only main text counts: the title and body sentences (roles `title`, `main`). Site chrome and in-body
 *   boilerplate are never the language of a corpus, even when written in it.
 * - Code-switched sentences count for their majority language (the one holding the largest share of code
 *   points in `langs`).
 * - Every other noise kind (keyword spam, name lists, mojibake, legacy fonts, homoglyphs) counts for no language.
 */
import { existsSync, statSync } from 'node:fs';
import { readTruth, type TruthRow, type TruthSentence } from '../synth/truth.js';
import { EvaluationInputError } from './run-output.js';

/** The language a truth sentence counts for, or undefined when it counts as no language's text. */
export function evaluationLanguage(sentence: TruthSentence): string | undefined {
  if (sentence.role !== 'title' && sentence.role !== 'main') return undefined;
  if (sentence.noise === 'code-switch') return majorityLanguage(sentence.langs ?? []);
  return sentence.noise === undefined ? sentence.lang : undefined;
}

function majorityLanguage(langs: ReadonlyArray<readonly [string, number]>): string | undefined {
  let best: readonly [string, number] | undefined;
  for (const entry of langs) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0];
}

export interface TruthIndex {
  /**
   * Rows by Doc id (= WARC-Record-ID), each sentence reduced to its text, role and evaluation language (`lang`
   * absent when it counts for none), so that `labelText` answers directly in evaluation terms.
   */
  readonly rows: ReadonlyMap<string, TruthRow>;
  /** Per true language, the distinct texts of the main-text sentences in it: the recall denominators. */
  readonly texts: ReadonlyMap<string, ReadonlySet<string>>;
}

function evaluationRow(row: TruthRow): TruthRow {
  return {
    ...row,
    sentences: row.sentences.map((sentence) => {
      const lang = evaluationLanguage(sentence);
      return { text: sentence.text, role: sentence.role, ...(lang === undefined ? {} : { lang }) };
    }),
  };
}

export async function loadTruthIndex(path: string): Promise<TruthIndex> {
  if (!existsSync(path)) throw new EvaluationInputError(path, `${path}: no such truth file`);
  if (!statSync(path).isFile()) throw new EvaluationInputError(path, `${path}: not a file (expected truth.jsonl of ntl synth-crawl)`);
  let raw: Map<string, TruthRow>;
  try {
    raw = await readTruth(path);
  } catch (error) {
    throw new EvaluationInputError(path, (error as Error).message);
  }
  const rows = new Map<string, TruthRow>();
  const texts = new Map<string, Set<string>>();
  for (const [id, row] of raw) {
    const view = evaluationRow(row);
    rows.set(id, view);
    for (const sentence of view.sentences) {
      if (sentence.lang === undefined) continue;
      let set = texts.get(sentence.lang);
      if (!set) texts.set(sentence.lang, (set = new Set()));
      set.add(sentence.text);
    }
  }
  return { rows, texts };
}
