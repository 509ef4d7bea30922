/**
 * The script pre-check before the n-gram model (issue 3, stage 1): text without letters is undetermined,
 * text in a script that only one of the model's languages uses is decided without the model (Thaana → div,
 * Georgian → kat, Hangul → kor when the model knows one Korean), and text whose two main scripts each hold at
 * least `mixedShare` of the letters is flagged as mixed (and left to the model).
 */
import { detectScript } from '@ntl/core';
import { sameWritingSystem, type ScriptIndex } from './script-index.js';

/** Two scripts each holding ≥ 30% of the letters make a text mixed-script. */
export const DEFAULT_MIXED_SHARE = 0.3;

const NEUTRAL = new Set(['Zyyy', 'Zinh', 'Zzzz']);

export type PrecheckResult =
  | { kind: 'undetermined'; reason: 'no-letters' | 'unknown-script' }
  | { kind: 'decided'; tag: string; mixedScript: boolean }
  | { kind: 'model'; mixedScript: boolean };

/** Letters per script, most first (ties by code), Common/Inherited/Unknown left out. */
export function letterScripts(text: string): Array<[string, number]> {
  return Object.entries(detectScript(text))
    .filter(([script]) => !NEUTRAL.has(script))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** `text` is the model text (letters, marks and spaces: see modelText). */
export function precheck(text: string, index: ScriptIndex, mixedShare = DEFAULT_MIXED_SHARE): PrecheckResult {
  const scripts = letterScripts(text);
  const letters = scripts.reduce((sum, [, count]) => sum + count, 0);
  const [first, second] = scripts;
  if (first === undefined || letters === 0) return { kind: 'undetermined', reason: 'no-letters' };
  const mixedScript = second !== undefined && second[1] >= mixedShare * letters && !sameWritingSystem(first[0], second[0]);
  const owners = index.languagesOf(first[0]);
  if (mixedScript) return { kind: 'model', mixedScript };
  if (owners.length === 0) return { kind: 'undetermined', reason: 'unknown-script' };
  if (owners.length === 1) return { kind: 'decided', tag: owners[0] ?? '', mixedScript };
  return { kind: 'model', mixedScript };
}
