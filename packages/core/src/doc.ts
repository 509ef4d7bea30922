/** The one record that flows through every pipeline (ARCHITECTURE §3). Version bumps when fields change meaning. */
export const DOC_SCHEMA_VERSION = 1;

export interface LangPrediction {
  /** `xxx_Xxxx` tag, `und_Zyyy` when undetermined. */
  tag: string;
  score: number;
  top?: Array<[string, number]>;
}

/** A sentence or paragraph span of `text`, in UTF-16 offsets of the (normalised) text. */
export interface Segment {
  start: number;
  end: number;
  lang?: string;
  score?: number;
  /** Set when a filter removed this segment; the writer moves it to the audit output. */
  drop?: DropMark;
}

export interface DocSource {
  path: string;
  /** Byte offset of the record in the (compressed) input file. */
  offset?: number;
  /** Record index within the input file, for formats without meaningful offsets. */
  record?: number;
}

export interface DropMark {
  filter: string;
  reason: string;
}

export interface Doc {
  id: string;
  text: string;
  url?: string;
  source: DocSource;
  lang?: LangPrediction;
  segments?: Segment[];
  meta: Record<string, unknown>;
  drop?: DropMark;
}

export class DocValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly where?: string,
  ) {
    super(`${where ? `${where}: ` : ''}invalid Doc field "${field}": ${message}`);
    this.name = 'DocValidationError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectType(value: unknown, field: string, type: 'string' | 'number', where?: string): void {
  if (typeof value !== type) throw new DocValidationError(field, `expected ${type}, got ${value === null ? 'null' : typeof value}`, where);
  if (type === 'number' && !Number.isFinite(value)) throw new DocValidationError(field, `expected a finite number, got ${String(value)}`, where);
}

function validateDrop(value: unknown, field: string, where?: string): void {
  if (!isObject(value)) throw new DocValidationError(field, 'expected {filter, reason}', where);
  expectType(value['filter'], `${field}.filter`, 'string', where);
  expectType(value['reason'], `${field}.reason`, 'string', where);
}

function validateLang(value: unknown, where?: string): void {
  if (!isObject(value)) throw new DocValidationError('lang', 'expected {tag, score, top?}', where);
  expectType(value['tag'], 'lang.tag', 'string', where);
  expectType(value['score'], 'lang.score', 'number', where);
  const top = value['top'];
  if (top === undefined) return;
  if (!Array.isArray(top)) throw new DocValidationError('lang.top', 'expected an array of [tag, score]', where);
  top.forEach((pair, i) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'number') {
      throw new DocValidationError(`lang.top[${i}]`, 'expected [tag, score]', where);
    }
  });
}

function validateSegments(value: unknown, textLength: number, where?: string): void {
  if (!Array.isArray(value)) throw new DocValidationError('segments', 'expected an array', where);
  value.forEach((segment: unknown, i) => {
    const field = `segments[${i}]`;
    if (!isObject(segment)) throw new DocValidationError(field, 'expected {start, end, …}', where);
    expectType(segment['start'], `${field}.start`, 'number', where);
    expectType(segment['end'], `${field}.end`, 'number', where);
    const start = segment['start'] as number;
    const end = segment['end'] as number;
    if (start < 0 || end < start || end > textLength) {
      throw new DocValidationError(field, `span [${start}, ${end}) is outside the text (length ${textLength})`, where);
    }
    if (segment['lang'] !== undefined) expectType(segment['lang'], `${field}.lang`, 'string', where);
    if (segment['score'] !== undefined) expectType(segment['score'], `${field}.score`, 'number', where);
    if (segment['drop'] !== undefined) validateDrop(segment['drop'], `${field}.drop`, where);
  });
}

/**
 * Checks an untrusted value (a parsed JSON line, a job payload) against the Doc contract.
 * `where` names the file and line or record, so the error is actionable.
 */
export function validateDoc(value: unknown, where?: string): Doc {
  if (!isObject(value)) throw new DocValidationError('(record)', 'expected a JSON object', where);
  expectType(value['id'], 'id', 'string', where);
  expectType(value['text'], 'text', 'string', where);
  if (value['url'] !== undefined) expectType(value['url'], 'url', 'string', where);
  const source = value['source'];
  if (!isObject(source)) throw new DocValidationError('source', 'expected {path, offset|record}', where);
  expectType(source['path'], 'source.path', 'string', where);
  if (source['offset'] !== undefined) expectType(source['offset'], 'source.offset', 'number', where);
  if (source['record'] !== undefined) expectType(source['record'], 'source.record', 'number', where);
  if (!isObject(value['meta'])) throw new DocValidationError('meta', 'expected an object', where);
  if (value['lang'] !== undefined) validateLang(value['lang'], where);
  if (value['segments'] !== undefined) validateSegments(value['segments'], (value['text'] as string).length, where);
  if (value['drop'] !== undefined) validateDrop(value['drop'], 'drop', where);
  return value as unknown as Doc;
}
