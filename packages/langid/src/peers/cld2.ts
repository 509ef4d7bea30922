/** CLD2 (Chromium's Compact Language Detector 2) through the npm `cld` binding, at its default settings. */
import { UND } from '@ntl/core';
import type { LangPrediction } from '../prediction.js';
import { installedVersion } from './installed-version.js';
import type { PeerClassifier } from './peer-classifier.js';
import { peerLanguages, peerPrediction, type LabelQuirks } from './peer-labels.js';

/** CLD2's `bh` is its Bihari class, trained on Bhojpuri text (as Wikipedia's `bh`). */
export const CLD2_QUIRKS: LabelQuirks = { bh: 'bho' };

export async function loadCld2(): Promise<PeerClassifier> {
  const cld = (await import('cld')).default;
  const labels = cld.DETECTED_LANGUAGES.map((name) => cld.LANGUAGES[name] ?? name);
  const predictOne = async (text: string, k: number): Promise<LangPrediction> => {
    try {
      const result = await cld.detect(text);
      // `percent` is the share of the text CLD2 assigns to the language: its only per-language confidence.
      const ranked = result.languages.slice(0, k).map((language): [string, number] => [language.code, language.percent / 100]);
      return peerPrediction(text, ranked, CLD2_QUIRKS);
    } catch (error) {
      // The binding rejects empty text and text CLD2 cannot identify ("Failed to identify language").
      return { tag: UND, score: 0, top: [], reason: `peer-undetermined: ${(error as Error).message}` };
    }
  };
  return {
    name: 'cld2',
    version: installedVersion('cld'),
    languages: peerLanguages(labels, CLD2_QUIRKS),
    predict: async (texts, options = {}) => {
      const predictions: LangPrediction[] = [];
      // One at a time: the binding runs each detection on libuv's pool, and the benchmark times one core.
      for (const text of texts) predictions.push(await predictOne(text, options.k ?? 1));
      return predictions;
    },
    dispose: () => undefined,
  };
}
