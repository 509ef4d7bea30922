/**
 * Wrong output language or script. The script check needs no model: the output's letters should be mostly in the
 * target tag's script. The language check reads a LangID prediction for the output (analyseErrors batches them).
 */
import { UND } from '@ntl/core';
import { sameTarget, type LanguagePrediction } from '../rtt/language-classifier.js';
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { NEUTRAL_SCRIPTS, scriptOf } from './target-scripts.js';
import { letterSpans } from './text-spans.js';

export interface WrongScriptOptions {
  /** Outputs with fewer letters (code points in a real script) are not judged. */
  minLetters: number;
  /** Flag when less than this share of the letters is in the target's script(s). */
  minTargetShare: number;
}

export interface WrongLanguageOptions {
  /** LangID is unreliable on short strings: outputs with fewer letters are not judged. */
  minLetters: number;
  /** Flag only predictions at least this confident. */
  minScore: number;
  /** ...and only when the target's own probability is below this. */
  maxTargetProbability: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const WRONG_SCRIPT_DEFAULTS: WrongScriptOptions = { minLetters: 3, minTargetShare: 0.4 };
// Calibrated with lid.176 as the LangID model; a weaker model needs a higher minScore.
export const WRONG_LANGUAGE_DEFAULTS: WrongLanguageOptions = { minLetters: 30, minScore: 0.3, maxTargetProbability: 0.05 };

/** From the first to the last letter outside the expected scripts. */
function foreignSpan(text: string, expected: readonly string[]): { start: number; end: number } | undefined {
  let start = -1;
  let end = -1;
  for (const unit of letterSpans(text)) {
    const script = scriptOf(unit.text);
    if (NEUTRAL_SCRIPTS.has(script) || expected.includes(script)) continue;
    if (start < 0) start = unit.start;
    end = unit.end;
  }
  return start < 0 ? undefined : { start, end };
}

export function detectWrongScript(item: PreparedItem, options: WrongScriptOptions): Flag[] {
  const { letters, inExpected, dominant, counts } = item.hypScripts;
  if (letters < options.minLetters) return [];
  const share = inExpected / letters;
  if (share >= options.minTargetShare) return [];
  const span = foreignSpan(item.hyp, item.tgtScripts);
  return [
    {
      mode: 'wrong-script',
      severity: share < options.minTargetShare / 2 ? 'high' : 'medium',
      confidence: roundConfidence(1 - share),
      ...(span ? { span: { side: 'hyp' as const, ...span } } : {}),
      message: `${Math.round(100 * share)}% of the output's letters are in ${item.tgtScripts.join('/')}; mostly ${dominant}`,
      evidence: { expected: item.tgtScripts, dominant, share: roundConfidence(share), scripts: counts },
    },
  ];
}

export function detectWrongLanguage(item: PreparedItem, prediction: LanguagePrediction, targetProbability: number, options: WrongLanguageOptions): Flag[] {
  if (item.hypScripts.letters < options.minLetters) return [];
  if (prediction.tag === UND || sameTarget(prediction.tag, item.tgt)) return [];
  if (prediction.score < options.minScore || targetProbability >= options.maxTargetProbability) return [];
  const isSource = item.srcTag !== undefined && sameTarget(prediction.tag, item.srcTag);
  return [
    {
      mode: 'wrong-language',
      severity: prediction.score >= 0.9 ? 'high' : 'medium',
      confidence: roundConfidence(prediction.score * (1 - targetProbability)),
      span: { side: 'hyp', start: 0, end: item.hyp.length },
      message: `LangID says ${prediction.tag} (${prediction.score.toFixed(2)})${isSource ? ', the source language' : ''}, not ${item.tgt}`,
      evidence: { predicted: prediction.tag, score: prediction.score, targetProbability, top: prediction.top.slice(0, 3) },
    },
  ];
}
