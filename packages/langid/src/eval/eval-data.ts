/**
 * Gold data for `ntl langid eval`: a `tag<TAB>text` file, or one split (dev by default) of a FLORES/SIB-style
 * folder `<tag>/<split>.tsv` (as ../shared/data/flores200-sib). Read with the seed loaders, so training and
 * evaluation parse (and tag) the same files the same way.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadFloresSib } from '../seed/flores-sib.js';
import { loadTaggedLines } from '../seed/tagged-lines.js';
import type { GoldSentence } from './evaluate.js';

export interface EvalDataOptions {
  /** Split of a FLORES/SIB folder. Default `dev`. */
  readonly split?: string;
}

export interface EvalData {
  /** For the signature: the file name, or `<folder>-<split>`. */
  readonly name: string;
  readonly sentences: GoldSentence[];
}

export async function readEvalData(path: string, options: EvalDataOptions = {}): Promise<EvalData> {
  const split = options.split ?? 'dev';
  if ((await stat(path)).isDirectory()) return { name: `${basename(path)}-${split}`, sentences: await loadFloresSib(path, { splits: [split] }) };
  return { name: basename(path), sentences: await loadTaggedLines(path) };
}
