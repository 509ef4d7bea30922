/**
 * The language and script registry: every ISO 639-3 code and every ISO 15924 script, parsed on first use
 * from the generated tables (scripts/build-tag-tables.mjs; sources: SIL ISO 639-3 via iso-639-3, the IANA
 * Language Subtag Registry, Unicode CLDR likely subtags, ISO 15924 via iso-15924).
 */
import { LANGUAGE_TABLE, TAG_ALIAS_TABLE } from './data/language-table.js';
import { SCRIPT_TABLE } from './data/script-table.js';

export type LanguageScope = 'individual' | 'macrolanguage' | 'special';
export type LanguageType = 'living' | 'historical' | 'extinct' | 'ancient' | 'constructed' | 'special';

export interface LanguageInfo {
  /** ISO 639-3 code, lower case. */
  readonly code: string;
  /** English reference name (SIL; IANA's description for codes newer than the SIL snapshot). */
  readonly name: string;
  readonly scope: LanguageScope;
  /** Undefined for codes ISO 639-3 added after the iso-639-3 package's snapshot (IANA lists no type). */
  readonly type: LanguageType | undefined;
  readonly iso6391?: string;
  readonly iso6392B?: string;
  readonly iso6392T?: string;
  /** The macrolanguage this individual language belongs to (`cmn` → `zho`). */
  readonly macrolanguage?: string;
  /** Likely scripts, default first (CLDR likely subtags, primary scripts, regional scripts); empty when unknown. */
  readonly scripts: readonly string[];
  /** Retired from ISO 639-3 (still accepted: FLORES-200 uses the retired `ajp`). */
  readonly retired: boolean;
  /** The code that replaced a retired one (`ajp` → `apc`), when ISO named one. */
  readonly replacedBy?: string;
  /** For a macrolanguage, the individual language CLDR treats as it (`zho` → `cmn`, `ara` → `arb`). */
  readonly representative?: string;
}

export interface ScriptInfo {
  /** ISO 15924 code, title case (`Latn`). */
  readonly code: string;
  readonly name: string;
  /** ISO 15924 numeric code, three digits (`'215'`). */
  readonly numeric: string;
  /** Unicode Script property value alias (`'Latin'`), for scripts Unicode encodes as such. */
  readonly unicodeAlias?: string;
}

interface LanguageEntry {
  readonly info: LanguageInfo;
  /** Region → script where CLDR's likely subtags differ from the default (`TW` → `Hant` for `zho`). */
  readonly regionScripts: ReadonlyMap<string, string>;
  /** Languages this one may follow as a BCP 47 extlang (`yue` after `zh`, i.e. `zho`). */
  readonly extlangPrefixes: readonly string[];
}

interface Registry {
  readonly languages: ReadonlyMap<string, LanguageEntry>;
  /** ISO 639-1 and 639-2/B/T codes → ISO 639-3 code. */
  readonly codeAliases: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** Retired subtags and grandfathered/redundant BCP 47 tags (lower case) → IANA's preferred tag. */
  readonly tagAliases: ReadonlyMap<string, string>;
  readonly scripts: ReadonlyMap<string, ScriptInfo>;
}

const SCOPES: Record<string, LanguageScope> = { I: 'individual', M: 'macrolanguage', S: 'special' };
const TYPES: Record<string, LanguageType> = {
  L: 'living',
  H: 'historical',
  E: 'extinct',
  A: 'ancient',
  C: 'constructed',
  S: 'special',
};

const tableLines = (table: string): string[] => table.split('\n').filter((line) => line !== '');
const list = (field: string | undefined): string[] => (field ? field.split(',') : []);

function parseLanguage(line: string): LanguageEntry {
  const [code = '', name = '', scope = '', type = '', iso6391, iso6392B, iso6392T, macro, scripts, regions, extlang, retired, representative] =
    line.split('|');
  const info: LanguageInfo = {
    code,
    name,
    scope: SCOPES[scope] ?? 'individual',
    type: TYPES[type],
    ...(iso6391 ? { iso6391 } : {}),
    ...(iso6392B ? { iso6392B } : {}),
    ...(iso6392T ? { iso6392T } : {}),
    ...(macro ? { macrolanguage: macro } : {}),
    scripts: list(scripts),
    retired: Boolean(retired),
    ...(retired && retired !== '-' ? { replacedBy: retired } : {}),
    ...(representative ? { representative } : {}),
  };
  const regionScripts = new Map(list(regions).map((pair) => pair.split('=') as [string, string]));
  return { info, regionScripts, extlangPrefixes: list(extlang) };
}

function parseScript(line: string): ScriptInfo {
  const [code = '', name = '', numeric = '', unicodeAlias] = line.split('|');
  return { code, name, numeric, ...(unicodeAlias ? { unicodeAlias } : {}) };
}

let cached: Registry | undefined;

/** Parsed on first use so that importing @ntl/core costs nothing for code that never touches tags. */
function registry(): Registry {
  if (cached) return cached;
  const languages = new Map<string, LanguageEntry>();
  const codeAliases = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const line of tableLines(LANGUAGE_TABLE)) {
    const entry = parseLanguage(line);
    const { code, iso6391, iso6392B, iso6392T, macrolanguage } = entry.info;
    languages.set(code, entry);
    for (const alias of [iso6391, iso6392B, iso6392T]) if (alias && alias !== code) codeAliases.set(alias, code);
    if (macrolanguage) members.set(macrolanguage, [...(members.get(macrolanguage) ?? []), code]);
  }
  const tagAliases = new Map(tableLines(TAG_ALIAS_TABLE).map((line) => line.split('|') as [string, string]));
  const scripts = new Map(tableLines(SCRIPT_TABLE).map((line) => [line.slice(0, 4), parseScript(line)] as const));
  cached = { languages, codeAliases, members, tagAliases, scripts };
  return cached;
}

/** The ISO 639-3 code for an ISO 639-3, 639-1 or 639-2/B/T code in any case (`fre` → `fra`, `EN` → `eng`). */
export function languageCode(code: string): string | undefined {
  const lower = code.toLowerCase();
  const { languages, codeAliases } = registry();
  return languages.has(lower) ? lower : codeAliases.get(lower);
}

/** Registry entry for a language code in any ISO 639 form; undefined when unknown. */
export function languageInfo(code: string): LanguageInfo | undefined {
  const resolved = languageCode(code);
  return resolved === undefined ? undefined : registry().languages.get(resolved)?.info;
}

/** Every language of the registry, in code order. */
export function languages(): LanguageInfo[] {
  return [...registry().languages.values()].map((entry) => entry.info);
}

/** The macrolanguage an individual language belongs to (`cmn` → `zho`); undefined for none or unknown codes. */
export function macrolanguageOf(code: string): string | undefined {
  return languageInfo(code)?.macrolanguage;
}

/** ISO 639-3 members of a macrolanguage, retired ones included, in code order (`msa` → […, `ind`, …, `zsm`, …]). */
export function membersOf(macrolanguage: string): string[] {
  const resolved = languageCode(macrolanguage);
  return resolved === undefined ? [] : [...(registry().members.get(resolved) ?? [])];
}

/** The script CLDR expects for a language, in a region when given (`zho`+`TW` → `Hant`); undefined when unknown. */
export function likelyScript(code: string, region?: string): string | undefined {
  const resolved = languageCode(code);
  const entry = resolved === undefined ? undefined : registry().languages.get(resolved);
  if (!entry) return undefined;
  return (region === undefined ? undefined : entry.regionScripts.get(region.toUpperCase())) ?? entry.info.scripts[0];
}

/** Whether `language` (ISO 639-3) may be followed by `extlang` in a BCP 47 tag (`zh-yue`). */
export function isExtlangOf(extlang: string, language: string): boolean {
  return registry().languages.get(extlang)?.extlangPrefixes.includes(language) ?? false;
}

/** IANA's preferred tag for a retired subtag or a grandfathered/redundant tag (`iw` → `he`, `zh-min-nan` → `nan`). */
export function tagAlias(tag: string): string | undefined {
  return registry().tagAliases.get(tag.toLowerCase());
}

/** Registry entry for an ISO 15924 code in any case (`latn` → Latin); undefined when unknown. */
export function scriptInfo(code: string): ScriptInfo | undefined {
  if (code.length !== 4) return undefined;
  return registry().scripts.get(code.charAt(0).toUpperCase() + code.slice(1).toLowerCase());
}

/** Every ISO 15924 script, the private-use range Qaaa–Qabx included, in table order. */
export function scripts(): ScriptInfo[] {
  return [...registry().scripts.values()];
}
