#!/usr/bin/env node
/**
 * Builds the language-tag registry's tables (packages/core/src/tags/data/*.ts) from registry packages,
 * so that runtime needs none of them:
 *
 * - iso-639-3 (wooorm; SIL's ISO 639-3 code table): codes, English reference names, type, ISO 639-1/-2B/-2T.
 * - language-subtag-registry (IANA Language Subtag Registry as JSON, CC0): codes added to ISO 639-3 after the
 *   iso-639-3 snapshot, current scope, macrolanguage membership (mirrors SIL's macrolanguage mappings),
 *   retirements with their replacement, extlang prefixes, grandfathered/redundant tags, Suppress-Script.
 * - iso-15924 (wooorm): script codes, names, numeric codes, Unicode property value aliases.
 * - cldr-core (Unicode CLDR, Unicode licence v3): likelySubtags (default script, region → script),
 *   languageData (primary scripts), languageAlias (representative individual language of a macrolanguage).
 *
 * Usage: `node packages/core/scripts/build-tag-tables.mjs` writes the tables;
 *        `… --check` exits 1 when the committed tables differ from what the packages give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso6393, iso6393To1, iso6393To2B, iso6393To2T } from 'iso-639-3';
import { iso15924 } from 'iso-15924';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'tags', 'data');

const readJson = (specifier) => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
const versionOf = (name) => readJson(`${name}/package.json`).version;

const ianaRecords = readJson('language-subtag-registry/data/json/registry.json');
const ianaDate = readJson('language-subtag-registry/data/json/meta.json')['File-Date'];
const likely = readJson('cldr-core/supplemental/likelySubtags.json').supplemental.likelySubtags;
const languageData = readJson('cldr-core/supplemental/languageData.json').supplemental.languageData;
const languageAlias = readJson('cldr-core/supplemental/aliases.json').supplemental.metadata.alias.languageAlias;

/**
 * Default scripts where FLORES-200 / NLLB / GlotLID tags differ from CLDR's likely script: they tag Korean
 * `kor_Hang`, while CLDR's likely subtags give `ko-Kore-KR`.
 */
const FLORES_DEFAULT_SCRIPTS = { kor: 'Hang' };
/** Special codes CLDR maps to a real language (`und` → en-Latn-US): `und_Zyyy` per FLORES; `zxx` is unwritten. */
const SPECIAL_DEFAULT_SCRIPTS = { und: 'Zyyy', zxx: 'Zxxx' };

const SCOPES = { individual: 'I', macrolanguage: 'M', special: 'S' };
const TYPES = { living: 'L', historical: 'H', extinct: 'E', ancient: 'A', constructed: 'C', special: 'S' };

const from1 = new Map(Object.entries(iso6393To1).map(([code3, code1]) => [code1, code3]));
/** An IANA language subtag as an ISO 639-3 code (IANA uses the 639-1 code where one exists). */
const to3 = (subtag) => from1.get(subtag) ?? subtag;

const ianaLanguages = new Map();
const ianaExtlangs = new Map();
const tagAliases = new Map();
for (const record of ianaRecords) {
  if (record.Type === 'language') ianaLanguages.set(to3(record.Subtag), record);
  else if (record.Type === 'extlang') ianaExtlangs.set(record.Subtag, record);
  else if ((record.Type === 'grandfathered' || record.Type === 'redundant') && record['Preferred-Value']) {
    tagAliases.set(record.Tag.toLowerCase(), record['Preferred-Value']);
  }
}

/** The registry: every code of the iso-639-3 table plus codes ISO 639-3 added since (IANA), no collections. */
const sil = new Map(iso6393.map((language) => [language.iso6393, language]));
const codes = new Set(sil.keys());
for (const [code, record] of ianaLanguages) {
  const isCode = /^[a-z]{3}$/.test(code) && record.Scope !== 'collection' && record.Scope !== 'private-use';
  if (isCode && !record.Deprecated) codes.add(code);
}
// Retired subtags that ISO 639-3 no longer lists map to their replacement (`in` → `ind`, `aam` → `aas`).
for (const [code, record] of ianaLanguages) {
  if (!codes.has(code) && record.Deprecated && record['Preferred-Value']) tagAliases.set(record.Subtag, record['Preferred-Value']);
}

/** CLDR's macrolanguage aliases (`cmn` → `zh`) name the individual language CLDR treats as the macrolanguage. */
const representativeCandidates = new Map();
for (const [alias, { _reason: reason, _replacement: replacement }] of Object.entries(languageAlias)) {
  if (reason !== 'macrolanguage') continue;
  const macro = to3(replacement);
  representativeCandidates.set(macro, [...(representativeCandidates.get(macro) ?? []), to3(alias)]);
}

const scriptOf = (tag) => tag?.split('-').find((subtag) => /^[A-Z][a-z]{3}$/.test(subtag));

/** CLDR likely subtags keyed language-region (`zh-TW` → `zh-Hant-TW`), grouped by language. */
const likelyByRegion = new Map();
for (const [from, to] of Object.entries(likely)) {
  const [language, region, ...rest] = from.split('-');
  if (rest.length > 0 || !/^([A-Z]{2}|\d{3})$/.test(region ?? '')) continue;
  likelyByRegion.set(language, [...(likelyByRegion.get(language) ?? []), [region, scriptOf(to)]]);
}

/** CLDR scripts of a CLDR language key: likely (default) first, then primary scripts, then regional ones. */
function cldrScripts(key) {
  const defaultScript = scriptOf(likely[key]);
  const primary = languageData[key]?._scripts ?? [];
  const regional = new Map((likelyByRegion.get(key) ?? []).filter(([, script]) => script && script !== defaultScript));
  const scripts = [...new Set([defaultScript, ...primary, ...regional.values()].filter(Boolean))];
  return { scripts, regional };
}

function likelyScripts(code, record) {
  if (SPECIAL_DEFAULT_SCRIPTS[code]) return { scripts: [SPECIAL_DEFAULT_SCRIPTS[code]], regional: new Map() };
  const key = iso6393To1[code] ?? code;
  let found = likely[key] || languageData[key] ? cldrScripts(key) : undefined;
  if (!found) {
    // CLDR files members under their macrolanguage (`cmn` → `zh`), retired codes under their replacement
    // (`ajp` → `apc`) and folds some legacy codes (`sh` → `sr-Latn`, `prs` → `fa-AF`).
    const alias = languageAlias[key] ?? languageAlias[code];
    if (alias) {
      const [target, ...subtags] = alias._replacement.split('-');
      const explicit = scriptOf(alias._replacement) ?? (subtags.length > 0 ? scriptOf(likely[alias._replacement]) : undefined);
      const base = cldrScripts(target);
      const scripts = [...new Set([explicit, ...base.scripts].filter(Boolean))];
      found = { scripts, regional: explicit ? new Map() : base.regional };
    }
  }
  if (!found && record?.['Suppress-Script']) found = { scripts: [record['Suppress-Script']], regional: new Map() };
  found ??= { scripts: [], regional: new Map() };
  const override = FLORES_DEFAULT_SCRIPTS[code];
  if (override) found.scripts = [override, ...found.scripts.filter((script) => script !== override)];
  return found;
}

function checkField(value, what) {
  if (/[|\n`\\]|\$\{/.test(value)) throw new Error(`${what} holds a character the table format reserves: ${JSON.stringify(value)}`);
  return value;
}

function languageLine(code) {
  const language = sil.get(code);
  const record = ianaLanguages.get(code);
  const name = language?.name ?? record.Description[0];
  // IANA's scope is the newer (e.g. `san` became a macrolanguage in 2024); no Scope field means individual.
  const scopeName = record ? (record.Scope ?? 'individual') : language.scope;
  const scope = SCOPES[scopeName];
  if (!scope) throw new Error(`${code}: unexpected scope ${scopeName}`);
  const type = language ? TYPES[language.type] : '';
  const macro = record?.Macrolanguage ? to3(record.Macrolanguage) : '';
  const { scripts, regional } = likelyScripts(code, record);
  const extlangPrefix = ianaExtlangs.get(code)?.Prefix?.map(to3).join(',') ?? '';
  const retired = record?.Deprecated ? (record['Preferred-Value'] ? to3(record['Preferred-Value']) : '-') : '';
  const candidates = (representativeCandidates.get(code) ?? []).filter((member) => to3(ianaLanguages.get(member)?.Macrolanguage ?? '') === code);
  const representative = scope === 'M' && candidates.length === 1 ? candidates[0] : '';
  const fields = [
    code,
    name,
    scope,
    type,
    iso6393To1[code] ?? '',
    iso6393To2B[code] ?? '',
    iso6393To2T[code] ?? '',
    macro,
    scripts.join(','),
    [...regional].map(([region, script]) => `${region}=${script}`).join(','),
    extlangPrefix,
    retired,
    representative,
  ];
  return fields.map((field, index) => checkField(field, `${code} field ${index}`)).join('|');
}

function scriptLines() {
  const lines = [];
  for (const script of iso15924) {
    if (script.code === 'Qabx') continue;
    if (script.code === 'Qaaa') {
      // ISO 15924 reserves Qaaa–Qabx (numeric 900–949) for private use: list every code of the range.
      for (let index = 0; index < 50; index++) {
        const code = `Qa${'ab'[Math.floor(index / 26)]}${String.fromCharCode(97 + (index % 26))}`;
        lines.push([code, 'Reserved for private use', String(900 + index), ''].join('|'));
      }
      continue;
    }
    lines.push([script.code, script.name, script.numeric, script.pva ?? ''].map((field) => checkField(field, script.code)).join('|'));
  }
  return lines;
}

const header = (what) =>
  `// Generated by packages/core/scripts/build-tag-tables.mjs — do not edit; rerun the script.\n` +
  `// Sources: ${what}\n`;

function build() {
  const languageLines = [...codes].sort().map(languageLine);
  const aliasLines = [...tagAliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([alias, target]) => `${checkField(alias, alias)}|${checkField(target, alias)}`);
  const languages =
    header(
      `iso-639-3 ${versionOf('iso-639-3')} (SIL ISO 639-3 code table), IANA Language Subtag Registry ${ianaDate} ` +
        `(language-subtag-registry ${versionOf('language-subtag-registry')}), Unicode CLDR ${versionOf('cldr-core')} (cldr-core).`,
    ) +
    `\n/**\n * One ISO 639-3 code a line:\n` +
    ` * code|name|scope (I/M/S)|type (L/H/E/A/C/S; empty when newer than the SIL snapshot)|639-1|639-2B|639-2T|\n` +
    ` * macrolanguage|likely scripts (default first)|region=script where CLDR differs from the default|\n` +
    ` * extlang prefix|retired (replacement code, or - for none)|representative individual language of a macrolanguage\n */\n` +
    `export const LANGUAGE_TABLE = \`\n${languageLines.join('\n')}\n\`;\n\n` +
    `/** Retired subtags and grandfathered/redundant BCP 47 tags (lower case) with IANA's preferred value: alias|tag */\n` +
    `export const TAG_ALIAS_TABLE = \`\n${aliasLines.join('\n')}\n\`;\n`;
  const scripts =
    header(`iso-15924 ${versionOf('iso-15924')} (ISO 15924 code list).`) +
    `\n/** One ISO 15924 code a line: code|name|numeric|Unicode Script property value alias */\n` +
    `export const SCRIPT_TABLE = \`\n${scriptLines().join('\n')}\n\`;\n`;
  return { 'language-table.ts': languages, 'script-table.ts': scripts };
}

const files = build();
if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([name, text]) => {
    try {
      return readFileSync(join(outDir, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`stale tag tables: ${stale.map(([name]) => name).join(', ')}; run node packages/core/scripts/build-tag-tables.mjs`);
    process.exit(1);
  }
  console.log('tag tables are up to date');
} else {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${outDir}`);
}
