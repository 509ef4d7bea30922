/**
 * franc-all (wooorm; trigram profiles of 414 languages from UDHR translations) at its defaults: texts under
 * 10 characters are `und`. Its scores are distances normalised so the best language has 1, not probabilities.
 */
import { installedVersion } from './installed-version.js';
import type { PeerClassifier } from './peer-classifier.js';
import { peerLanguages, peerPrediction } from './peer-labels.js';

export async function loadFranc(): Promise<PeerClassifier> {
  const { francAll } = await import('franc-all');
  const { data } = await import('franc-all/data.js');
  const { expressions } = await import('franc-all/expressions.js');
  // Trigram profiles are keyed by script name; languages decided by script alone (cmn, jpn, kor, …) are the
  // expressions' language-code keys.
  const profiled = Object.values(data).flatMap((byLanguage) => Object.keys(byLanguage));
  const byScript = Object.keys(expressions).filter((key) => /^[a-z]{3}$/.test(key));
  return {
    name: 'franc-all',
    version: installedVersion('franc-all'),
    languages: peerLanguages([...profiled, ...byScript]),
    predict: async (texts, options = {}) => texts.map((text) => peerPrediction(text, francAll(text).slice(0, options.k ?? 1))),
    dispose: () => undefined,
  };
}
