import type { Score } from '../metrics/metric.js';
import { PyFloat, formatFixed, pyJsonDumps, type PyJson } from '../python/format.js';

export interface ScoreFormatOptions {
  /** Decimals of the score (sacrebleu `--width`; its CLI default is 1, `Score.format`'s is 2). */
  width?: number;
  /** Print `NAME|signature = …`; `short` uses sacrebleu's abbreviated keys. Default none. */
  signature?: 'none' | 'long' | 'short';
  /** Only the number (and confidence interval), as `--score-only`. */
  scoreOnly?: boolean;
  /** The JSON object of `--format json` (always with the long signature; `scoreOnly` wins). */
  json?: boolean;
}

/**
 * sacrebleu `Score.format`: e.g. `BLEU = 34.12 65.1/40.3/27.0/19.2 (BP = 1.000 ratio = 1.020
 * hyp_len = … ref_len = …)`, `chrF2++|nrefs:1|… = 51.73`, or the JSON object
 * (`json.dumps(d, indent=1, ensure_ascii=False)`).
 */
export function formatScore(score: Score, options: ScoreFormatOptions = {}): string {
  const width = options.width ?? 2;
  let sc = formatFixed(score.score, width);
  const signature = options.json ? score.signature.format() : options.signature === 'long' || options.signature === 'short' ? score.signature.format(options.signature === 'short') : '';
  const d: Record<string, PyJson> = { name: score.name, score: new PyFloat(Number(sc)), signature };
  // sacrebleu prints the interval only when the bootstrap mean is positive (`if self._mean > 0`).
  if (score.confidence && score.confidence.mean > 0) {
    const mean = formatFixed(score.confidence.mean, width);
    const ci = formatFixed(score.confidence.ci, width);
    const text = `μ = ${mean} ± ${ci}`;
    sc += ` (${text})`;
    d.confidence_mean = new PyFloat(Number(mean));
    d.confidence_var = new PyFloat(Number(ci));
    d.confidence = text;
  }
  if (options.scoreOnly) return sc;
  let full = `${signature ? `${score.name}|${signature}` : score.name} = ${sc}`;
  if (score.verbose) {
    full += ` ${score.verbose}`;
    d.verbose_score = score.verbose;
  }
  if (!options.json) return full;
  for (const field of score.signature.fields) d[field.key] = field.value;
  return pyJsonDumps(d, 1);
}

/**
 * sacrebleu `print_single_results`: several formatted scores of one system, as one text block.
 * JSON objects become a JSON list; text lines are right-aligned on their ' = '.
 */
export function formatSingleResults(lines: readonly string[], json: boolean): string {
  if (json) return lines.length > 1 ? `[\n${lines.join(',\n')}\n]` : (lines[0] ?? '');
  if (lines.length <= 1 || !lines.every((l) => l.includes('='))) return lines.join('\n');
  const lens = lines.map((l) => l.indexOf('=') - 1);
  const w = Math.max(...lens);
  return lines.map((l, i) => l.slice(0, lens[i]).padStart(w) + l.slice(lens[i])).join('\n');
}
