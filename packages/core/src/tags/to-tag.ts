/**
 * Maps the spellings peers and data sets use to the project's `xxx_Xxxx` tags: canonical tags in any case,
 * BCP 47 (`sr-Latn`, `zh-TW`, `zh-yue`, `es-419`, grandfathered `i-klingon`), ISO 639-1/-2B/-3 codes,
 * fastText labels (`__label__en`, `__label__HAU`), and underscored locales (`en_US`, `zho_CN`).
 * A missing script is inferred from CLDR likely subtags, using the region when one is given.
 */
import { isExtlangOf, languageCode, languageInfo, likelyScript, scriptInfo, tagAlias } from './registry.js';
import { TagError } from './tag.js';

export interface ToTagOptions {
  /**
   * Script for an input that names none, used instead of CLDR's inference (e.g. the text's script from
   * dominantScript, so a peer's bare `sr` on Latin text becomes `srp_Latn`). Han text detects as `Hani`,
   * which names no Hans/Hant variant: leave this unset for Chinese.
   */
  readonly script?: string;
  /**
   * `keep` (default) returns the language as given; `individual` replaces a macrolanguage by the individual
   * language CLDR treats as it (`zho` → `cmn`, `ara` → `arb`, `msa` → `zsm`); `macrolanguage` folds a member
   * into its macrolanguage (`cmn` → `zho`). The script is inferred first, from the language as given
   * (`yue` → `zho_Hant`). FLORES-200 mixes both levels (`arb`, `zsm`, `pes` but `zho`, `est`, `grn`): compare
   * with sameLanguage(a, b, {macro: true}) rather than relying on either.
   */
  readonly macro?: 'keep' | 'individual' | 'macrolanguage';
}

const LABEL_PREFIX = /^__label__/i;
const LANGUAGE = /^[a-z]{2,3}$/;
const EXTLANG = /^[a-z]{3}$/i;
const SCRIPT = /^[a-z]{4}$/i;
const REGION = /^([a-z]{2}|\d{3})$/i;
/** Variants, extension and private-use subtags: kept out of the tag, but must be well formed. */
const OTHER_SUBTAG = /^[a-z\d]{1,8}$/i;

/** Language code of a primary subtag, following IANA's replacement of retired subtags (`iw` → `heb`). */
function primaryCode(subtag: string): string | undefined {
  const replacement = tagAlias(subtag);
  return languageCode(subtag) ?? (replacement === undefined ? undefined : languageCode(replacement));
}

function resolve(input: string, options: ToTagOptions): string | TagError {
  const fail = (reason: string): TagError => new TagError(input, reason);
  const text = input.trim().replace(LABEL_PREFIX, '');
  if (text === '') return fail('empty');
  const subtags = (tagAlias(text.replaceAll('_', '-')) ?? text).split(/[-_]/);
  const primary = (subtags.shift() ?? '').toLowerCase();
  if (!LANGUAGE.test(primary)) return fail(`"${primary}" is not an ISO 639 language code`);
  let code = primaryCode(primary);
  if (subtags[0] !== undefined && EXTLANG.test(subtags[0])) {
    // BCP 47 extlang: `zh-yue` is Cantonese; the prefix may be a collection the registry lacks (`sgn-ase`).
    const extlang = subtags[0].toLowerCase();
    if (!isExtlangOf(extlang, code ?? primary)) return fail(`"${subtags[0]}" is not an extlang of "${primary}"`);
    code = extlang;
    subtags.shift();
  }
  if (code === undefined) return fail(`unknown language code "${primary}"`);
  let script: string | undefined;
  if (subtags[0] !== undefined && SCRIPT.test(subtags[0])) {
    script = scriptInfo(subtags[0])?.code;
    if (script === undefined) return fail(`unknown ISO 15924 script "${subtags[0]}"`);
    subtags.shift();
  }
  const region = subtags[0] !== undefined && REGION.test(subtags[0]) ? subtags.shift() : undefined;
  const malformed = subtags.find((subtag) => !OTHER_SUBTAG.test(subtag));
  if (malformed !== undefined) return fail(`malformed subtag "${malformed}"`);
  if (script === undefined && options.script !== undefined) {
    script = scriptInfo(options.script)?.code;
    if (script === undefined) return fail(`unknown ISO 15924 script "${options.script}" in options`);
  }
  script ??= likelyScript(code, region);
  const info = languageInfo(code);
  if (script === undefined || info === undefined) return fail(`no likely script known for "${code}"; name one, e.g. ${code}_Latn`);
  const language =
    options.macro === 'individual'
      ? (info.representative ?? code)
      : options.macro === 'macrolanguage'
        ? (info.macrolanguage ?? code)
        : code;
  return `${language}_${script}`;
}

/** Labels are few and repeat per sentence: results (and failures) are memoised up to this many inputs. */
const CACHE_LIMIT = 100_000;
const cache = new Map<string, string | TagError>();

function cachedResolve(input: string, options: ToTagOptions): string | TagError {
  const key = `${options.macro ?? 'keep'}\u0001${options.script ?? ''}\u0001${input}`;
  let result = cache.get(key);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = resolve(input, options);
    cache.set(key, result);
  }
  return result;
}

/** The `xxx_Xxxx` tag for a language label in any common spelling; throws TagError naming the input. */
export function toTag(input: string, options: ToTagOptions = {}): string {
  const result = cachedResolve(input, options);
  if (result instanceof TagError) throw result;
  return result;
}

/** Like toTag, but undefined where toTag would throw. */
export function tryToTag(input: string, options: ToTagOptions = {}): string | undefined {
  const result = cachedResolve(input, options);
  return result instanceof TagError ? undefined : result;
}
