/**
 * The paper's "period trick" (§5, short inputs): a model that fails on a bare word often translates it well once
 * a period is appended. Given a translate function, a short source whose output fails is translated again with a
 * period; when that output no longer fails, the flag says so and shows it.
 */
import { prepareItem, type PreparedItem } from './error-item.js';
import type { Flag } from './flag.js';
import { isShortInput, shortInputFailures, type ShortInputOptions } from './short-input.js';
import { endsSentence } from './truncation.js';

/** Any translation function: a served model, a loaded checkpoint, a dictionary. */
export type TranslateFn = (text: string, tgtLang: string) => Promise<string> | string;

export async function detectPeriodTrick(item: PreparedItem, translate: TranslateFn, options: ShortInputOptions): Promise<Flag[]> {
  if (!isShortInput(item, options) || endsSentence(item.src)) return [];
  const failures = shortInputFailures(item, options);
  if (failures.length === 0) return [];
  const withPeriod = await translate(`${item.src}.`, item.tgt);
  const retried = prepareItem({ ...item, src: `${item.src}.`, hyp: withPeriod, tgtLang: item.tgt });
  const stillFailing = shortInputFailures(retried, options);
  if (stillFailing.length > 0) return [];
  return [
    {
      mode: 'period-trick',
      severity: 'medium',
      confidence: 0.7,
      span: { side: 'src', start: 0, end: item.src.length },
      message: `adding a period fixes the output (${failures.join(', ')}): "${withPeriod}"`,
      evidence: { failures, withPeriod },
    },
  ];
}
