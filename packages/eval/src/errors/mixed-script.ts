/**
 * Words whose letters come from two or more scripts (`pаssword` with a Cyrillic а): homoglyph substitutions,
 * broken transliteration, legacy-font debris. A word is flagged when its scripts interleave (three or more runs),
 * or when two look-alike scripts (Latin, Cyrillic, Greek) meet inside it. Allowed: a name followed by a suffix
 * in another script (`Guianaৰ`), a Latin word run into Chinese or Thai text written without spaces (`和Metro`),
 * scripts that share words in normal writing (Japanese kanji + kana), and words the source has verbatim.
 */
import type { PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';
import { NEUTRAL_SCRIPTS, allowedWithinWord, scriptOf } from './target-scripts.js';

export interface MixedScriptOptions {
  /** At most this many flags per output. */
  maxFlags: number;
}

export const MIXED_SCRIPT_DEFAULTS: MixedScriptOptions = { maxFlags: 5 };

export function wordScripts(word: string): Set<string> {
  return new Set(scriptRuns(word));
}

/** The scripts of a word's letters, one entry per run (`pаsse` → Latn, Cyrl, Latn). */
export function scriptRuns(word: string): string[] {
  const runs: string[] = [];
  for (const char of word) {
    const s = scriptOf(char);
    if (!NEUTRAL_SCRIPTS.has(s) && runs.at(-1) !== s) runs.push(s);
  }
  return runs;
}

/** Scripts with letters that look alike (а/a, ο/o, р/p): where homoglyph substitutions come from. */
const LOOK_ALIKE: ReadonlySet<string> = new Set(['Latn', 'Cyrl', 'Grek']);

function suspicious(runs: readonly string[]): boolean {
  if (runs.length >= 3) return true;
  return runs.some((s, i) => i > 0 && LOOK_ALIKE.has(s) && LOOK_ALIKE.has(runs[i - 1] as string));
}

export function detectMixedScript(item: PreparedItem, options: MixedScriptOptions): Flag[] {
  // One script in the whole output: no word can mix.
  const scriptsInHyp = Object.keys(item.hypScripts.counts).filter((s) => !NEUTRAL_SCRIPTS.has(s));
  if (scriptsInHyp.length < 2) return [];
  const flags: Flag[] = [];
  for (const word of item.hypWords) {
    if (flags.length >= options.maxFlags) break;
    const runs = scriptRuns(word.text);
    const scripts = new Set(runs);
    if (scripts.size < 2 || allowedWithinWord(scripts) || !suspicious(runs) || item.src.includes(word.text)) continue;
    flags.push({
      mode: 'mixed-script',
      severity: 'medium',
      confidence: 0.8,
      span: { side: 'hyp', start: word.start, end: word.end },
      message: `"${word.text}" mixes ${[...scripts].join(' and ')} letters`,
      evidence: { word: word.text, scripts: [...scripts] },
    });
  }
  return flags;
}
