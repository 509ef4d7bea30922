/**
 * Maps a peer's label to an `xxx_Xxxx` tag the way seed labels are mapped (seed/text-tag.ts): a label naming no
 * script takes the text's (`sr` on Latin text is `srp_Latn`; `zh` on traditional characters `zho_Hant`).
 */
import { UND, languageInfo, tryToTag } from '@ntl/core';
import { tagForText } from '../seed/text-tag.js';
import type { LangPrediction } from '../prediction.js';

/** Per-peer fixes where a peer's code means something else than ISO says, or names a collection. */
export type LabelQuirks = Readonly<Record<string, string>>;

/** Labels that mean "no answer" in CLD2 (`un`), CLD3 and franc (`und`). */
const UNDETERMINED = new Set(['un', 'und', 'xxx', 'zxx']);

/** The tag for a peer label on `text`, or undefined when the label names no language the registry can map. */
export function peerTag(label: string, text: string, quirks: LabelQuirks = {}): string | undefined {
  const bare = label.replace(/^__label__/i, '');
  if (UNDETERMINED.has(bare.toLowerCase())) return UND;
  try {
    return tagForText(quirks[bare] ?? bare, text);
  } catch {
    return undefined;
  }
}

/** A prediction from a peer's ranked labels; unmappable or undetermined best labels give und_Zyyy with a reason. */
export function peerPrediction(text: string, ranked: ReadonlyArray<readonly [string, number]>, quirks: LabelQuirks = {}): LangPrediction {
  const tags = ranked.map(([label]) => peerTag(label, text, quirks));
  const top = ranked.flatMap(([, score], i): Array<[string, number]> => {
    const tag = tags[i];
    return tag === undefined || tag === UND ? [] : [[tag, score]];
  });
  const [best] = ranked;
  if (best === undefined) return { tag: UND, score: 0, top: [], reason: 'no-answer' };
  if (tags[0] === undefined) return { tag: UND, score: 0, top, reason: `unmapped-label:${best[0]}` };
  if (tags[0] === UND) return { tag: UND, score: 0, top, reason: 'peer-undetermined' };
  return { tag: tags[0], score: best[1], top };
}

/** Every tag a label set can produce: each label in every script the registry lists for it. */
export function peerLanguages(labels: readonly string[], quirks: LabelQuirks = {}): string[] {
  const tags = new Set<string>();
  for (const label of labels) {
    const bare = label.replace(/^__label__/i, '');
    if (UNDETERMINED.has(bare.toLowerCase())) continue;
    const code = quirks[bare] ?? bare;
    const info = languageInfo(code.split(/[-_]/)[0] ?? code);
    const plain = tryToTag(code);
    if (plain !== undefined) tags.add(plain);
    for (const script of info?.scripts ?? []) {
      const tag = tryToTag(code, { script });
      if (tag !== undefined) tags.add(tag);
    }
  }
  return [...tags].sort();
}
