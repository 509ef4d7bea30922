/**
 * Per-language thresholds: the step's global values (pipeline `with`, else the documented defaults), then a
 * calibrated thresholds file (`thresholds: <path>`), then the pipeline's own `perLanguage` overrides, which a
 * person wrote on purpose and so win.
 */
import { isValidTag, OptionError } from '@ntl/core';
import { readThresholdsFile, ThresholdsFileError } from '../thresholds/thresholds-file.js';
import { checkThreshold, type ThresholdSchema } from './threshold-spec.js';

type Overrides = Map<string, Record<string, number>>;

function checkTag(field: string, tag: string): void {
  if (!isValidTag(tag)) throw new OptionError(field, `"${tag}" is not a language tag of the form xxx_Xxxx (e.g. hau_Latn)`);
}

function setOverride(overrides: Overrides, tag: string, name: string, value: number): void {
  overrides.set(tag, { ...overrides.get(tag), [name]: value });
}

/** The threshold an entry without a threshold name sets: only unambiguous when the filter has exactly one. */
function soleThreshold(field: string, specs: ThresholdSchema, entry: string): string {
  const names = Object.keys(specs);
  if (names.length === 1) return names[0] as string;
  throw new OptionError(field, `${JSON.stringify(entry)} names no threshold, and this filter has ${names.length} (${names.join(', ')}); write <tag>.<threshold>=<value>`);
}

function knownThreshold(field: string, specs: ThresholdSchema, name: string): string {
  if (!(name in specs)) throw new OptionError(field, `unknown threshold "${name}"; known thresholds: ${Object.keys(specs).join(', ')}`);
  return name;
}

/**
 * Parses `perLanguage` overrides. The pipeline option is a list of `<tag>=<value>` (filters with one threshold)
 * or `<tag>.<threshold>=<value>` strings; the object form `{tag: value}` / `{tag: {threshold: value}}` is
 * accepted too, for option schemas that carry objects.
 */
export function parsePerLanguage(raw: readonly string[] | Record<string, unknown>, specs: ThresholdSchema, field = 'perLanguage'): Overrides {
  const overrides: Overrides = new Map();
  if (Array.isArray(raw)) {
    for (const entry of raw as readonly string[]) {
      const match = /^([^.=\s]+)(?:\.([^=\s]+))?=(.+)$/.exec(entry.trim());
      if (!match) throw new OptionError(field, `${JSON.stringify(entry)} is not <tag>=<value> or <tag>.<threshold>=<value>`);
      const [, tag = '', named, text = ''] = match;
      checkTag(field, tag);
      const name = named === undefined ? soleThreshold(field, specs, entry) : knownThreshold(field, specs, named);
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value)) throw new OptionError(`${field}: ${tag}.${name}`, `expected a number, got ${JSON.stringify(text)}`);
      setOverride(overrides, tag, name, checkThreshold(`${field}: ${tag}.${name}`, specs[name] as (typeof specs)[string], value));
    }
    return overrides;
  }
  for (const [tag, value] of Object.entries(raw)) {
    checkTag(field, tag);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [named, item] of Object.entries(value as Record<string, unknown>)) {
        const name = knownThreshold(`${field}.${tag}`, specs, named);
        setOverride(overrides, tag, name, checkThreshold(`${field}.${tag}.${name}`, specs[name] as (typeof specs)[string], item));
      }
    } else {
      const name = soleThreshold(`${field}.${tag}`, specs, tag);
      setOverride(overrides, tag, name, checkThreshold(`${field}.${tag}`, specs[name] as (typeof specs)[string], value));
    }
  }
  return overrides;
}

/** Per-language values of one filter step from a thresholds file; other steps' entries are not read. */
export function thresholdsFromFile(path: string, step: string, specs: ThresholdSchema): Overrides {
  const file = readThresholdsFile(path);
  const overrides: Overrides = new Map();
  for (const [name, entry] of Object.entries(file.filters[step] ?? {})) {
    if (!(name in specs)) throw new ThresholdsFileError(path, `field "filters.${step}.${name}": unknown threshold; known thresholds: ${Object.keys(specs).join(', ')}`);
    for (const [tag, value] of Object.entries(entry.perLanguage)) {
      const field = `filters.${step}.${name}.perLanguage.${tag}`;
      try {
        checkTag(field, tag);
        setOverride(overrides, tag, name, checkThreshold(field, specs[name] as (typeof specs)[string], value));
      } catch (error) {
        if (error instanceof OptionError) throw new ThresholdsFileError(path, `field "${field}": ${error.message.replace(/^option "[^"]*": /, '')}`);
        throw error;
      }
    }
  }
  return overrides;
}

export class LanguageThresholds {
  private readonly cache = new Map<string, Readonly<Record<string, number>>>();

  constructor(
    private readonly global: Readonly<Record<string, number>>,
    /** Later layers win. */
    private readonly layers: readonly Overrides[],
  ) {}

  for(tag: string): Readonly<Record<string, number>> {
    let values = this.cache.get(tag);
    if (!values) {
      values = Object.assign({}, this.global, ...this.layers.map((layer) => layer.get(tag) ?? {})) as Record<string, number>;
      this.cache.set(tag, values);
    }
    return values;
  }
}
