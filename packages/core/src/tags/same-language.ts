/** Comparing a peer's label with a gold tag, where the two may differ only in spelling or macrolanguage level. */
import { languageInfo } from './registry.js';
import { tryToTag } from './to-tag.js';

export interface SameLanguageOptions {
  /**
   * Fold individual languages into their macrolanguage before comparing, so a peer's `zh` (`zho_Hans`) equals
   * gold `cmn_Hans`. Coarse by design: members of one macrolanguage become equal too (`arb` = `ary`). Default false.
   */
  readonly macro?: boolean;
  /** Compare scripts as well (`zho_Hans` ≠ `zho_Hant`). Default true. */
  readonly script?: boolean;
}

/** ISO 639-3 merged retired codes into their replacement (`ajp` → `apc` in 2023): they name the same language. */
function fold(code: string, macro: boolean): string {
  const current = languageInfo(code)?.replacedBy ?? code;
  return macro ? (languageInfo(current)?.macrolanguage ?? current) : current;
}

/**
 * Whether two labels in any spelling toTag accepts name the same language (and script, unless `script: false`).
 * False when either cannot be mapped.
 */
export function sameLanguage(a: string, b: string, options: SameLanguageOptions = {}): boolean {
  const { macro = false, script = true } = options;
  // Without script comparison, a fixed script stands in so that languages with no likely script still compare.
  const toTagOptions = script ? {} : { script: 'Zzzz' };
  const tagA = tryToTag(a, toTagOptions);
  const tagB = tryToTag(b, toTagOptions);
  if (tagA === undefined || tagB === undefined) return false;
  if (fold(tagA.slice(0, 3), macro) !== fold(tagB.slice(0, 3), macro)) return false;
  return !script || tagA.slice(4) === tagB.slice(4);
}
