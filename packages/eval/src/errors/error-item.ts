/** One translation to check, and what every detector reads from it (computed once per item). */
import { toTag } from '@ntl/core';
import { expectedScripts, isUnspaced, scriptShare, type ScriptShare } from './target-scripts.js';
import { letterSpans, wordSpans, type TextSpan } from './text-spans.js';

export interface ErrorItem {
  /** The source sentence. */
  src: string;
  /** The system's output. */
  hyp: string;
  /** The language the output should be in, in any spelling `toTag` accepts (`hau_Latn`, `ha`, `zh-TW`). */
  tgtLang: string;
  /** The source language; when absent, detectors that need it fall back to the source's script. */
  srcLang?: string;
  /** A reference translation: only used to excuse what it shares with the output (names, numbers, length). */
  ref?: string;
  /** The output translated back into the source language. */
  rtt?: string;
}

export interface PreparedItem extends ErrorItem {
  /** Canonical `xxx_Xxxx` tags. */
  tgt: string;
  srcTag?: string;
  tgtScripts: readonly string[];
  hypScripts: ScriptShare;
  /** Script counts of the source; `expected` there are the source language's scripts (or its dominant one). */
  srcScripts: ScriptShare;
  /** Whether the target's script is written without spaces between words. */
  unspaced: boolean;
  hypWords: TextSpan[];
  srcWords: TextSpan[];
  /** Repetition units of the output: words, or letters for scripts without spaces. */
  hypUnits: TextSpan[];
}

export function prepareItem(item: ErrorItem): PreparedItem {
  const tgt = toTag(item.tgtLang);
  const srcTag = item.srcLang === undefined ? undefined : toTag(item.srcLang);
  const tgtScripts = expectedScripts(tgt);
  const measured = scriptShare(item.src, srcTag ? expectedScripts(srcTag) : []);
  // Without a source language, the source's own dominant script stands in for it.
  const srcScripts = srcTag ? measured : { ...measured, expected: [measured.dominant], inExpected: measured.counts[measured.dominant] ?? 0 };
  const unspaced = isUnspaced(tgtScripts);
  return {
    ...item,
    tgt,
    ...(srcTag === undefined ? {} : { srcTag }),
    tgtScripts,
    hypScripts: scriptShare(item.hyp, tgtScripts),
    srcScripts,
    unspaced,
    hypWords: wordSpans(item.hyp),
    srcWords: wordSpans(item.src),
    hypUnits: repetitionUnits(item.hyp, unspaced),
  };
}

/** Units of any text for the same target (source repetition is measured the same way as the output's). */
export function repetitionUnits(text: string, unspaced: boolean): TextSpan[] {
  return unspaced ? letterSpans(text) : wordSpans(text);
}
