/**
 * How a predicted label is compared with a gold label. Every label goes through @ntl/core's toTag and
 * sameLanguage first, so spelling (`ar`, `ara`, `__label__ar`), retired codes (FLORES's `ajp` = `apc`) and
 * the script are handled once, here.
 *
 * Macrolanguages are the hard part: FLORES-200 labels `arb_Arab`, `ary_Arab`, `zsm_Latn`, `pes_Arab` (individual
 * languages) next to `zho_Hans`, `est_Latn` (macrolanguages), while peers say `ar`, `ms`, `fa`, `zh`, franc says
 * `cmn`. Three modes:
 * - `no`: only the same language (and script) counts.
 * - `nested` (default): a label that is not in the label set also counts when it is the macrolanguage of the gold
 *   language or one of its members (CLD2's `ar` on `ary_Arab`, franc's `cmn` on `zho_Hans`); a peer that only
 *   knows the macrolanguage is not punished for the granularity it cannot express. Labels the label set holds
 *   are compared exactly, so `yue_Hant` on `zho_Hant` text stays wrong and `arb` vs `ary` stays a confusion.
 * - `fold`: gold and predicted labels are both folded into their macrolanguage (`arb`, `ary` → `ara`), which
 *   merges classes and shrinks the label set.
 */
import { UND, languageInfo, sameLanguage, toTag, tryToTag } from '@ntl/core';

export type MacroMode = 'no' | 'nested' | 'fold';
export const DEFAULT_MACRO_MODE: MacroMode = 'nested';
export const MACRO_MODES: readonly MacroMode[] = ['no', 'nested', 'fold'];

export interface LabelResolver {
  readonly mode: MacroMode;
  /** The gold tag as the metrics count it (canonical, folded in `fold` mode); throws TagError for a bad gold label. */
  gold(tag: string): string;
  /**
   * The label a prediction counts as, given the sentence's (resolved) gold tag: the gold tag when they match,
   * the label-set entry it names otherwise, `und_Zyyy` for undetermined, or the prediction itself when it maps
   * to nothing known (unmappable labels are kept verbatim and are always wrong).
   */
  resolve(predicted: string, gold: string): string;
  /** Whether a classifier answering `languages` can name `gold` correctly (for "languages the peer supports"). */
  supports(languages: readonly string[], gold: string): boolean;
}

const languageOf = (tag: string): string => tag.slice(0, 3);
const scriptOf = (tag: string): string => tag.slice(4);
const isMacrolanguage = (tag: string): boolean => languageInfo(languageOf(tag))?.scope === 'macrolanguage';

/** One label is the macrolanguage of the other (same script); members of one macrolanguage are not nested. */
function nested(a: string, b: string): boolean {
  return (isMacrolanguage(a) || isMacrolanguage(b)) && sameLanguage(a, b, { macro: true });
}

/** Labels repeat for every sentence; the pairs seen are few (languages × labels), so caches stay small. */
function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

export function labelResolver(labelSet: readonly string[], mode: MacroMode = DEFAULT_MACRO_MODE): LabelResolver {
  if (!MACRO_MODES.includes(mode)) throw new RangeError(`unknown macro mode "${mode}" (use ${MACRO_MODES.join(', ')})`);
  const toTagOptions = mode === 'fold' ? { macro: 'macrolanguage' as const } : {};
  const gold = (tag: string): string => toTag(tag, toTagOptions);
  const labels = [...new Set(labelSet.map(gold))].sort();

  /** The label-set entry naming the same language as `tag`, if any. */
  const inLabelSet = memoise((tag: string) => labels.find((label) => sameLanguage(tag, label)));

  /** A label outside the set lands on the nested label-set entry: the macrolanguage's representative, else the first. */
  const nestedLanding = memoise((tag: string): string => {
    const candidates = labels.filter((label) => scriptOf(label) === scriptOf(tag) && nested(tag, label));
    const representative = languageInfo(languageOf(tag))?.representative;
    return candidates.find((label) => languageOf(label) === representative) ?? candidates[0] ?? tag;
  });

  const decide = (predicted: string, goldTag: string): string => {
    const tag = tryToTag(predicted, toTagOptions);
    if (tag === undefined) return predicted;
    if (languageOf(tag) === 'und') return UND;
    if (sameLanguage(tag, goldTag)) return goldTag;
    const label = inLabelSet(tag);
    if (label !== undefined || mode !== 'nested') return label ?? tag;
    return nested(tag, goldTag) ? goldTag : nestedLanding(tag);
  };

  const decided = memoise((key: string) => {
    const [predicted = '', goldTag = ''] = key.split('\u0001');
    return decide(predicted, goldTag);
  });
  const resolve = (predicted: string, goldTag: string): string => decided(`${predicted}\u0001${goldTag}`);

  return {
    mode,
    gold,
    resolve,
    supports: (languages, goldTag) => languages.some((language) => resolve(language, goldTag) === goldTag),
  };
}
