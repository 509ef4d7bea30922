/**
 * Characters that should not be in an output: control characters, lone surrogates, private-use and unassigned
 * code points, U+FFFD (text that went through a bad decoder), invisible format characters other than the ones
 * scripts need, and Zawgyi — the legacy Myanmar font encoding that reuses Unicode code points with other meanings.
 * Only characters the source does not have are flagged: the system introduced them.
 *
 * Zawgyi (cheap rules, no model): in Unicode order the vowel sign E (U+1031) follows its consonant and medials,
 * so U+1031 at the start of a word or directly before a medial (U+103B–U+103E) is Zawgyi's visual order; in
 * Burmese, U+1033–U+1034 and U+1060–U+1097 (letters of Mon, Karen and Shan) are Zawgyi's stacked-glyph area.
 */
import type { PreparedItem } from './error-item.js';
import type { Flag, Severity } from './flag.js';

export interface UnicodeOptions {
  /** Format characters (General_Category Cf) that scripts need: ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, word joiner. */
  allowedFormat: readonly string[];
  /** ...and in scripts written without spaces, where U+200B marks word boundaries (Khmer, Thai, Lao, Myanmar). */
  allowedFormatUnspaced: readonly string[];
  /** Languages written in Myanmar script whose Unicode text never uses U+1033–U+1034, U+1060–U+1097. */
  zawgyiLanguages: readonly string[];
  /** At most this many flags per output; the evidence of the last one counts the rest. */
  maxFlags: number;
}

export const UNICODE_DEFAULTS: UnicodeOptions = {
  allowedFormat: ['\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u00AD', '\u2060'],
  allowedFormatUnspaced: ['\u200B'],
  zawgyiLanguages: ['mya'],
  maxFlags: 5,
};

type AnomalyKind = 'control' | 'surrogate' | 'private-use' | 'unassigned' | 'replacement' | 'format';

const KINDS: ReadonlyArray<[AnomalyKind, RegExp, Severity]> = [
  ['replacement', /^\uFFFD$/u, 'high'],
  ['control', /^\p{Cc}$/u, 'high'],
  ['surrogate', /^\p{Cs}$/u, 'high'],
  ['unassigned', /^\p{Cn}$/u, 'high'],
  ['private-use', /^\p{Co}$/u, 'medium'],
  ['format', /^\p{Cf}$/u, 'low'],
];

const hex = (char: string): string => `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;

function anomalyKind(char: string, allowedFormat: readonly string[]): [AnomalyKind, Severity] | undefined {
  for (const [kind, re, severity] of KINDS) {
    if (!re.test(char)) continue;
    if (kind === 'format' && allowedFormat.includes(char)) return undefined;
    return [kind, severity];
  }
  return undefined;
}

const ZAWGYI_ORDER = /(?<![\u1000-\u1030\u1032-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF])\u1031|\u1031[\u103B-\u103E]/gu;
const ZAWGYI_BURMESE = /[\u1033\u1034\u1060-\u1097]/gu;

export function zawgyiSignals(text: string, burmese: boolean): Array<{ start: number; end: number }> {
  const hits = Array.from(text.matchAll(ZAWGYI_ORDER), (m) => ({ start: m.index, end: m.index + m[0].length }));
  if (burmese) hits.push(...Array.from(text.matchAll(ZAWGYI_BURMESE), (m) => ({ start: m.index, end: m.index + m[0].length })));
  return hits.sort((a, b) => a.start - b.start);
}

export function detectUnicodeAnomalies(item: PreparedItem, options: UnicodeOptions): Flag[] {
  const flags: Flag[] = [];
  const inSource = new Set(item.src);
  const allowedFormat = item.unspaced ? [...options.allowedFormat, ...options.allowedFormatUnspaced] : options.allowedFormat;
  let run: { kind: AnomalyKind; severity: Severity; start: number; end: number; chars: string[] } | undefined;
  const close = (): void => {
    if (!run) return;
    flags.push({
      mode: 'unicode-anomaly',
      severity: run.severity,
      confidence: 0.95,
      span: { side: 'hyp', start: run.start, end: run.end },
      message: `${run.kind} character${run.chars.length > 1 ? 's' : ''} ${[...new Set(run.chars.map(hex))].join(' ')} in the output`,
      evidence: { kind: run.kind, codePoints: run.chars.map(hex) },
    });
    run = undefined;
  };
  let offset = 0;
  for (const char of item.hyp) {
    const found = inSource.has(char) ? undefined : anomalyKind(char, allowedFormat);
    if (found && run && run.kind === found[0] && run.end === offset) {
      run.end += char.length;
      run.chars.push(char);
    } else {
      close();
      if (found) run = { kind: found[0], severity: found[1], start: offset, end: offset + char.length, chars: [char] };
    }
    offset += char.length;
  }
  close();

  if (item.hypScripts.counts['Mymr']) {
    const hits = zawgyiSignals(item.hyp, options.zawgyiLanguages.includes(item.tgt.slice(0, 3)));
    const first = hits[0];
    if (first && zawgyiSignals(item.src, false).length === 0) {
      flags.push({
        mode: 'unicode-anomaly',
        severity: hits.length >= 2 ? 'high' : 'medium',
        confidence: hits.length >= 2 ? 0.9 : 0.6,
        span: { side: 'hyp', start: first.start, end: first.end },
        message: `the output looks Zawgyi-encoded (${hits.length} legacy-font sequence${hits.length > 1 ? 's' : ''}), not Unicode Myanmar`,
        evidence: { kind: 'zawgyi', signals: hits.length },
      });
    }
  }
  if (flags.length <= options.maxFlags) return flags;
  const kept = flags.slice(0, options.maxFlags);
  const last = kept[kept.length - 1] as Flag;
  last.evidence = { ...last.evidence, moreFlags: flags.length - options.maxFlags };
  return kept;
}
