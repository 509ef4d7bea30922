/**
 * The Unicode scripts a language's text is expected in. ISO 15924 has codes for how a language is written
 * that are not Unicode Script values (detectScript reports only the latter): Han variants, Japanese and
 * Korean mixes, and font variants map to the scripts their characters carry.
 */
import { languageInfo, parseTag } from '@ntl/core';

const WRITING_SYSTEMS: Record<string, readonly string[]> = {
  Hans: ['Hani'],
  Hant: ['Hani'],
  Hanb: ['Hani', 'Bopo'],
  Jpan: ['Hani', 'Hira', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Aran: ['Arab'],
  Cyrs: ['Cyrl'],
  Latf: ['Latn'],
  Latg: ['Latn'],
  Syre: ['Syrc'],
  Syrj: ['Syrc'],
  Syrn: ['Syrc'],
};

/** Codes that name no writing system: a tag with one of these says nothing about the text's script. */
const NO_SCRIPT = new Set(['Zyyy', 'Zinh', 'Zzzz', 'Zxxx', 'Zmth', 'Zsym', 'Zsye']);

const unicodeScripts = (code: string): readonly string[] => WRITING_SYSTEMS[code] ?? [code];

/**
 * The scripts expected for `tag`: its script subtag's; the registry's likely scripts for the language when the
 * subtag names no writing system, or in addition when `registry` is set (languages written in several scripts).
 */
export function expectedScripts(tag: string, registry = false): Set<string> {
  const { language, script } = parseTag(tag);
  const expected = new Set<string>();
  if (!NO_SCRIPT.has(script)) for (const code of unicodeScripts(script)) expected.add(code);
  if (registry || expected.size === 0) {
    for (const likely of languageInfo(language)?.scripts ?? []) for (const code of unicodeScripts(likely)) expected.add(code);
  }
  return expected;
}
