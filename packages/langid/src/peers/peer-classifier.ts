/**
 * Other LangID systems, behind one interface, for bench/langid and `ntl langid eval` comparisons. They are
 * dev dependencies of @ntl/langid: each adapter imports its package when loaded, and loadPeers reports a
 * missing one instead of failing.
 */
import type { LangPrediction } from '../prediction.js';

export interface PeerClassifier {
  /** `lid.176`, `cld2`, `cld3`, `franc-all`. */
  readonly name: string;
  /** The npm package and version that ran, e.g. `cld@2.10.1`. */
  readonly version: string;
  /** Every tag the peer can answer (its labels mapped through the tag registry, one per script it may be written in). */
  readonly languages: readonly string[];
  /** Tags are mapped through toTag; `score` is the peer's own confidence, a probability only for lid.176 and CLD3. */
  predict(texts: readonly string[], options?: { k?: number }): Promise<LangPrediction[]>;
  /** Frees native memory (CLD3's identifier); the peer cannot predict afterwards. */
  dispose(): void;
}
