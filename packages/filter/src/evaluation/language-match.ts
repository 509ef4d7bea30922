/**
 * Whether text whose true language is T belongs in the corpus folder L (the document's LangID tag).
 *
 * Tags are compared with @ntl/core's `sameLanguage` (any spelling, retired codes such as FLORES's `ajp` = `apc`,
 * and the script), through @ntl/langid's `nested` rule, the default of `ntl langid eval`: a macrolanguage tag
 * also matches its members (a corpus `zho_Hans` holds `cmn_Hans` text, UDHR's `cmn_Hans` matches FLORES's
 * `zho_Hans`), while two members of one macrolanguage stay different languages (`arb` ≠ `ary`, `zsm` ≠ `min`):
 * telling those apart is what the filters are measured on.
 */
import { tryToTag } from '@ntl/core';
import { labelResolver } from '@ntl/langid';

export type LanguageMatch = (truthTag: string, corpusTag: string) => boolean;

/** `truthLanguages`: every true language of the crawl (the label set `nested` compares against). */
export function languageMatch(truthLanguages: Iterable<string>): LanguageMatch {
  const valid = [...truthLanguages].filter((tag) => tryToTag(tag) !== undefined);
  const resolver = labelResolver(valid);
  const cache = new Map<string, boolean>();
  return (truthTag, corpusTag) => {
    const key = `${truthTag}\u0001${corpusTag}`;
    let matches = cache.get(key);
    if (matches === undefined) {
      matches = tryToTag(truthTag) !== undefined && resolver.resolve(corpusTag, resolver.gold(truthTag)) === resolver.gold(truthTag);
      cache.set(key, matches);
    }
    return matches;
  };
}
