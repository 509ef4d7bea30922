/**
 * sacrebleu's reproducibility signature, e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`.
 * Field order, names, short names and value spellings follow `sacrebleu/metrics/base.py` and each
 * metric's signature class, so a signature printed here compares equal to sacrebleu's.
 */

/**
 * The sacrebleu release whose computations this package reproduces. It is what `version:` says in
 * every signature: a score signed `version:2.6.0` is comparable with sacrebleu 2.6.0's numbers.
 */
export const SACREBLEU_VERSION = '2.6.0';

export interface SignatureField {
  readonly key: string;
  /** sacrebleu's abbreviation (`--short` signatures). */
  readonly short: string;
  readonly value: string;
}

/** Settings of a test run that sacrebleu adds to a signature (bootstrap size, AR trials, seed). */
export interface TestSettings {
  bs?: number;
  ar?: number;
  seed?: string;
}

export class Signature {
  constructor(readonly fields: readonly SignatureField[]) {}

  /** `key:value|…`, or with sacrebleu's short keys (`#:1|c:mixed|…`). */
  format(short = false): string {
    return this.fields.map((f) => `${short ? f.short : f.key}:${f.value}`).join('|');
  }

  toString(): string {
    return this.format();
  }
}

/** A metric's own signature entries: [key, short key, value]. */
export type MetricSignatureEntries = ReadonlyArray<readonly [string, string, string]>;

/**
 * Assemble a signature as sacrebleu's `Signature.__init__` + subclass `update` + `format` do:
 * nrefs, bs, ar, seed (when set), the metric's entries, and version last.
 */
export function buildSignature(nrefs: number | 'var', metricEntries: MetricSignatureEntries, test: TestSettings = {}): Signature {
  const fields: SignatureField[] = [{ key: 'nrefs', short: '#', value: String(nrefs) }];
  if (test.bs !== undefined) fields.push({ key: 'bs', short: 'bs', value: String(test.bs) });
  if (test.ar !== undefined) fields.push({ key: 'ar', short: 'ar', value: String(test.ar) });
  if (test.seed !== undefined) fields.push({ key: 'seed', short: 'rs', value: test.seed });
  for (const [key, short, value] of metricEntries) fields.push({ key, short, value });
  fields.push({ key: 'version', short: 'v', value: SACREBLEU_VERSION });
  return new Signature(fields);
}

/** Python's `yes`/`no` spelling of booleans in signatures. */
export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
