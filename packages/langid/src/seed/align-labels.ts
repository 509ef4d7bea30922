/**
 * Corpora label one language at different macrolanguage levels: UDHR's Mandarin is `cmn_Hans` and its Estonian
 * `ekk_Latn`, FLORES-200 says `zho_Hans` and `est_Latn`. Training on both as they are would split one language
 * into two classes that the model cannot tell apart. A tag is moved to the reference corpus's tag only when
 * it is the representative member of that macrolanguage (CLDR: zho → cmn, est → ekk) and the script agrees,
 * so sibling languages (`yue`, `hak`, `nan` under zho; `quz` vs FLORES `quy`) keep their own labels.
 */
import { languageInfo } from '@ntl/core';
import type { LabeledText } from './labeled-text.js';

/** The reference corpus's tag for `tag`, or `tag` itself. */
export function alignedTag(tag: string, reference: ReadonlySet<string>): string {
  if (reference.has(tag)) return tag;
  const [code = '', script = ''] = tag.split('_');
  const macrolanguage = languageInfo(code)?.macrolanguage;
  if (macrolanguage === undefined || languageInfo(macrolanguage)?.representative !== code) return tag;
  const candidate = `${macrolanguage}_${script}`;
  return reference.has(candidate) ? candidate : tag;
}

export function alignLabels(texts: readonly LabeledText[], referenceTags: Iterable<string>): LabeledText[] {
  const reference = new Set(referenceTags);
  return texts.map((text) => {
    const tag = alignedTag(text.tag, reference);
    return tag === text.tag ? text : { ...text, tag };
  });
}
