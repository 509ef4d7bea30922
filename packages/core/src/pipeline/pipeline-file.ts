import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { OptionError, parseOptions } from '../options.js';
import type { Step } from '../step.js';
import type { StepRegistry } from './step-registry.js';

/** A pipeline file (ARCHITECTURE §3): `{"name", "steps":[{"use","with"}], "output"?}`. */
export interface PipelineFile {
  name: string;
  description?: string;
  steps: Array<{ use: string; with?: Record<string, unknown> }>;
  /** Default output folder when the command line gives none. */
  output?: string;
}

export interface ResolvedStep {
  use: string;
  /** Options after validation, with every default filled in: this is what the config hash covers. */
  options: Record<string, unknown>;
  create(): Step;
}

export interface ResolvedPipeline {
  path: string;
  name: string;
  description?: string;
  output?: string;
  steps: ResolvedStep[];
}

export class PipelineError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly step?: { index: number; use?: string },
    readonly field?: string,
  ) {
    const where = [step ? `step ${step.index + 1}${step.use ? ` ("${step.use}")` : ''}` : '', field ? `field "${field}"` : ''].filter(Boolean).join(' ');
    super(`${file}:${where ? ` ${where}:` : ''} ${message}`);
    this.name = 'PipelineError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strict JSON, but with the line and column of the first mistake (Node's JSON.parse often gives neither). */
function parseJson(file: string, source: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return value;
  const before = source.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  throw new PipelineError(file, `not valid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`);
}

const TOP_LEVEL_FIELDS = new Set(['name', 'description', 'steps', 'output']);

/** Checks the shape of a parsed pipeline file and resolves each step against the registry. */
export function resolvePipeline(file: string, value: unknown, registry: StepRegistry): ResolvedPipeline {
  if (!isObject(value)) throw new PipelineError(file, 'expected a JSON object with "name" and "steps"');
  for (const field of Object.keys(value)) {
    if (!TOP_LEVEL_FIELDS.has(field)) throw new PipelineError(file, `unknown field; known fields: ${[...TOP_LEVEL_FIELDS].join(', ')}`, undefined, field);
  }
  if (typeof value['name'] !== 'string' || value['name'] === '') throw new PipelineError(file, 'expected a non-empty string', undefined, 'name');
  if (value['description'] !== undefined && typeof value['description'] !== 'string') throw new PipelineError(file, 'expected a string', undefined, 'description');
  if (value['output'] !== undefined && typeof value['output'] !== 'string') throw new PipelineError(file, 'expected a folder path string', undefined, 'output');
  const steps = value['steps'];
  if (!Array.isArray(steps) || steps.length === 0) throw new PipelineError(file, 'expected a non-empty array of {"use", "with"}', undefined, 'steps');

  const resolved = steps.map((raw: unknown, index): ResolvedStep => {
    if (!isObject(raw)) throw new PipelineError(file, 'expected an object {"use", "with"}', { index });
    const use = raw['use'];
    if (typeof use !== 'string') throw new PipelineError(file, 'expected the step name as a string', { index }, 'use');
    for (const field of Object.keys(raw)) {
      if (field !== 'use' && field !== 'with') throw new PipelineError(file, 'unknown field; a step has only "use" and "with"', { index, use }, field);
    }
    const definition = registry.get(use);
    if (!definition) throw new PipelineError(file, `unknown step; known steps: ${registry.names().join(', ')}`, { index, use }, 'use');
    const rawOptions = raw['with'] ?? {};
    if (!isObject(rawOptions)) throw new PipelineError(file, 'expected an object of options', { index, use }, 'with');
    let options: Record<string, unknown>;
    try {
      options = parseOptions(definition.options, rawOptions);
    } catch (error) {
      if (error instanceof OptionError) throw new PipelineError(file, error.message.replace(/^option "[^"]*": /, ''), { index, use }, `with.${error.field}`);
      throw error;
    }
    return { use, options, create: () => definition.create(options as never) };
  });

  return {
    path: file,
    name: value['name'],
    ...(typeof value['description'] === 'string' ? { description: value['description'] } : {}),
    ...(typeof value['output'] === 'string' ? { output: value['output'] } : {}),
    steps: resolved,
  };
}

export function loadPipeline(file: string, registry: StepRegistry): ResolvedPipeline {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PipelineError(file, `cannot read the pipeline file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return resolvePipeline(file, parseJson(file, source), registry);
}
