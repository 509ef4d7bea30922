/** Empty output: nothing, or nothing but spaces and punctuation, for a source that has words. */
import type { PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';

const CONTENT = /[\p{L}\p{N}]/u;

export function detectEmpty(item: PreparedItem): Flag[] {
  if (!CONTENT.test(item.src) || CONTENT.test(item.hyp)) return [];
  const blank = item.hyp.trim() === '';
  return [
    {
      mode: 'empty',
      severity: 'high',
      confidence: 1,
      span: { side: 'src', start: 0, end: item.src.length },
      message: blank ? 'the output is empty' : 'the output has no letters or digits',
      evidence: { hyp: item.hyp },
    },
  ];
}
