/**
 * A source's language label plus its text → `xxx_Xxxx`. When the label names no script, the text decides:
 * CLDR's likely script is only a guess about a language (Azerbaijani in Iran is Arabic-script, the same
 * language in Baku Latin), while the text shows how this document is written.
 */
import { dominantScript, toTag, tryToTag } from '@ntl/core';
import { hanVariant } from './han-variant.js';

/** Code-point scripts that do not name a writing system by themselves (Han is shared by Hans/Hant/Jpan/Kore). */
const HAN_FAMILY = new Set(['Hani', 'Hira', 'Kana']);
const SCRIPT_SUBTAG = /^[a-z]{4}$/i;

/** Throws TagError (from toTag) when `label` is not a language label. */
export function tagForText(label: string, text: string): string {
  if (label.split(/[-_]/).slice(1, 3).some((subtag) => SCRIPT_SUBTAG.test(subtag))) return toTag(label);
  const dominant = dominantScript(text);
  if (dominant === 'Zyyy') return toTag(label);
  if (!HAN_FAMILY.has(dominant)) return toTag(label, { script: dominant });
  const likely = tryToTag(label)?.split('_')[1];
  if (likely === 'Jpan' || likely === 'Kore') return toTag(label);
  return toTag(label, { script: hanVariant(text) ?? likely ?? 'Hani' });
}
