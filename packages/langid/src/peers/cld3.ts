/**
 * CLD3 (Google's neural Compact Language Detector 3) through `cld3-asm` (WebAssembly). Created with
 * min 0 / max 1000 bytes as in gcld3's documented example, not CLD3's library default of 140 bytes minimum,
 * which answers `und` for most single sentences.
 */
import type { LangPrediction } from '../prediction.js';
import { installedVersion } from './installed-version.js';
import type { PeerClassifier } from './peer-classifier.js';
import { peerLanguages, peerPrediction } from './peer-labels.js';

export const CLD3_MIN_BYTES = 0;
export const CLD3_MAX_BYTES = 1000;

export async function loadCld3(): Promise<PeerClassifier> {
  const cld3 = await import('cld3-asm');
  // The typings declare LanguageCode a const enum (inaccessible under isolatedModules); the module exports it as an object.
  const codes = Object.values((cld3 as unknown as { LanguageCode: Record<string, string> }).LanguageCode);
  const { loadModule } = cld3;
  const factory = await loadModule();
  const identifier = factory.create(CLD3_MIN_BYTES, CLD3_MAX_BYTES);
  const predictOne = (text: string, k: number): LangPrediction => {
    const results = k > 1 ? identifier.findMostFrequentLanguages(text, k) : [identifier.findLanguage(text)];
    return peerPrediction(
      text,
      results.map((result): [string, number] => [result.language, result.probability]),
    );
  };
  return {
    name: 'cld3',
    version: installedVersion('cld3-asm'),
    languages: peerLanguages(codes),
    predict: async (texts, options = {}) => texts.map((text) => predictOne(text, options.k ?? 1)),
    dispose: () => identifier.dispose(),
  };
}
