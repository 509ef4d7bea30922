/**
 * Which Unicode scripts a target language is written in, and how much of a text is in them. The script comes from
 * the `xxx_Xxxx` tag; ISO 15924 codes that name a way of writing rather than a Unicode script are expanded
 * (core's detectScript reports Han as `Hani`, Japanese kana as `Hira`/`Kana`, Korean as `Hang` — docs/tags.md).
 */
import { detectScript } from '@ntl/core';

const SCRIPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  Jpan: ['Hani', 'Hira', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Hans: ['Hani'],
  Hant: ['Hani'],
  Hanb: ['Hani', 'Bopo'],
};

/** Scripts that say nothing about the writing system (digits, punctuation, combining marks, unassigned). */
export const NEUTRAL_SCRIPTS: ReadonlySet<string> = new Set(['Zyyy', 'Zinh', 'Zzzz']);

/** Scripts written without spaces between words: repetition and copy work on code points there. */
const UNSPACED_SCRIPTS: ReadonlySet<string> = new Set(['Thai', 'Laoo', 'Khmr', 'Mymr', 'Hani', 'Hira', 'Kana', 'Bali', 'Java', 'Lana', 'Tale', 'Talu']);

/** The Unicode scripts of a `xxx_Xxxx` tag. */
export function expectedScripts(tag: string): readonly string[] {
  const script = tag.slice(4);
  return SCRIPT_GROUPS[script] ?? [script];
}

/** Scripts that may share one word in normal writing (Japanese mixes kanji and kana inside words). */
export function allowedWithinWord(scripts: ReadonlySet<string>): boolean {
  return Object.values(SCRIPT_GROUPS).some((group) => [...scripts].every((s) => group.includes(s)));
}

/** The script of one code point. */
export function scriptOf(char: string): string {
  return Object.keys(detectScript(char))[0] ?? 'Zzzz';
}

export function isUnspaced(scripts: readonly string[]): boolean {
  return scripts.some((s) => UNSPACED_SCRIPTS.has(s));
}

export interface ScriptShare {
  /** The scripts the share is measured against. */
  expected: readonly string[];
  /** Code points in any real script (neutral ones aside). */
  letters: number;
  /** Of those, how many are in one of the expected scripts. */
  inExpected: number;
  /** The script with the most letters, `Zyyy` when there are none. */
  dominant: string;
  counts: Record<string, number>;
}

export function scriptShare(text: string, expected: readonly string[]): ScriptShare {
  const counts = detectScript(text);
  let letters = 0;
  let inExpected = 0;
  let dominant = 'Zyyy';
  let best = 0;
  for (const [script, n] of Object.entries(counts)) {
    if (NEUTRAL_SCRIPTS.has(script)) continue;
    letters += n;
    if (expected.includes(script)) inExpected += n;
    if (n > best || (n === best && script < dominant)) {
      best = n;
      dominant = script;
    }
  }
  return { expected, letters, inExpected, dominant, counts };
}
