/** `ntl eval rtt` as a library call: source, forward and back-translation files, one target language. */
import { toTag } from '@ntl/core';
import { readNonEmptySegments } from '../errors/input-files.js';
import { checkSegmentCounts } from '../io/segment-files.js';
import type { LanguageClassifier } from './language-classifier.js';
import { rttLangIdChrf, type RttOptions, type RttResult } from './rtt-langid-chrf.js';

export interface RttRun extends RttOptions {
  srcPath: string;
  fwdPath: string;
  backPath: string;
  /** Language of the forward translations. */
  tgt: string;
  classifier: LanguageClassifier;
}

const readNonEmpty = (path: string) => readNonEmptySegments(path, 'score');

export function runRttLangIdChrf(run: RttRun): RttResult {
  const { srcPath, fwdPath, backPath, tgt, classifier, ...options } = run;
  const tgtLang = toTag(tgt);
  const src = readNonEmpty(srcPath);
  const fwd = readNonEmpty(fwdPath);
  const back = readNonEmpty(backPath);
  checkSegmentCounts(back, [src, fwd]);
  const items = src.segments.map((s, i) => ({ src: s, fwd: fwd.segments[i] as string, back: back.segments[i] as string, tgtLang }));
  return rttLangIdChrf(items, classifier, options);
}
