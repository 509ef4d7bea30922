/**
 * A tiny declarative schema for step options: enough to validate pipeline files with errors
 * that name the field, fill documented defaults, and print `--help` per step.
 */
export type OptionSpec =
  | { type: 'number' | 'integer'; default: number; min?: number; max?: number; description: string }
  | { type: 'string'; default: string; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; values: readonly string[]; default: string; description: string }
  | { type: 'strings'; default: readonly string[]; description: string };

export type OptionSchema = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S extends { type: 'number' | 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'strings' }
      ? string[]
      : string;

export type OptionValues<S extends OptionSchema> = { [K in keyof S]: ValueOf<S[K]> };

export class OptionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`option "${field}": ${message}`);
    this.name = 'OptionError';
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function parseOne(field: string, spec: OptionSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new OptionError(field, `expected a number, got ${describe(value)}`);
      if (spec.type === 'integer' && !Number.isInteger(value)) throw new OptionError(field, `expected an integer, got ${value}`);
      if (spec.min !== undefined && value < spec.min) throw new OptionError(field, `${value} is below the minimum ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) throw new OptionError(field, `${value} is above the maximum ${spec.max}`);
      return value;
    }
    case 'string':
      if (typeof value !== 'string') throw new OptionError(field, `expected a string, got ${describe(value)}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new OptionError(field, `expected true or false, got ${describe(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        throw new OptionError(field, `expected one of ${spec.values.join(', ')}, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'strings':
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        throw new OptionError(field, `expected an array of strings, got ${describe(value)}`);
      }
      return value;
  }
}

/** Validates `raw` against `schema`, fills defaults, and rejects unknown fields (typos must not pass silently). */
export function parseOptions<S extends OptionSchema>(schema: S, raw: Record<string, unknown> = {}): OptionValues<S> {
  for (const field of Object.keys(raw)) {
    if (!(field in schema)) {
      const known = Object.keys(schema);
      throw new OptionError(field, `unknown option; known options: ${known.length ? known.join(', ') : '(none)'}`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(schema)) {
    values[field] = field in raw ? parseOne(field, spec, raw[field]) : structuredClone(spec.default);
  }
  return values as OptionValues<S>;
}
