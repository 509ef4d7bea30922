/**
 * Reading a run's output folder (docs/pipelines.md "Outputs") as a stream: `corpus/<tag>/part-*.jsonl.gz` and
 * `dropped/<filter>/part-*.jsonl.gz`, one gzip JSONL line at a time (zlib gunzip + readline), so an evaluation
 * or a pass over a finished run holds one record at a time whatever the corpus's size (parts up to 1 MiB, most
 * of a many-language run's, are read whole).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';

/** Bad run output (missing folder or file, a record that is not what a run writes); the message names the path. */
export class RunOutputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'RunOutputError';
  }
}

export interface PartFile {
  /** The folder under corpus/ or dropped/: a language tag or a step name. */
  readonly folder: string;
  readonly path: string;
}

const PART = /^part-\d+\.jsonl\.gz$/;

/** The part files under `base` (a run's corpus/ or dropped/), folders and parts in name order; none when `base` is absent. */
export function partFiles(base: string): PartFile[] {
  if (!existsSync(base)) return [];
  const folders = readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return folders.flatMap((folder) =>
    readdirSync(join(base, folder))
      .filter((name) => PART.test(name))
      .sort()
      .map((name) => ({ folder, path: join(base, folder, name) })),
  );
}

export function requireFolder(path: string, what: string): void {
  if (!existsSync(path)) throw new RunOutputError(path, `${path}: no such ${what}`);
  if (!statSync(path).isDirectory()) throw new RunOutputError(path, `${path}: not a folder (expected the ${what})`);
}

export interface JsonLine {
  readonly value: Record<string, unknown>;
  /** `<path>:<line>`, for error messages. */
  readonly where: string;
}

/** Files up to this size are read and inflated in one call: streaming costs each small part several thread-pool round trips. */
const WHOLE_FILE_BYTES = 1 << 20;
/** readline's line breaks with `crlfDelay: Infinity`. */
const LINE_BREAK = /\r?\n|\r(?!\n)/;

function parseLine(path: string, text: string, line: number): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunOutputError(path, `${path}:${line}: not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RunOutputError(path, `${path}:${line}: not a JSON object`);
  return { value: value as Record<string, unknown>, where: `${path}:${line}` };
}

/** The whole file's lines, or undefined when it is large or its gzip is damaged (the stream then reads it and names the line). */
function smallFileLines(path: string): string[] | undefined {
  try {
    if (statSync(path).size > WHOLE_FILE_BYTES) return undefined;
    return gunzipSync(readFileSync(path)).toString('utf8').split(LINE_BREAK);
  } catch {
    return undefined;
  }
}

/** The JSON objects of a gzip JSONL file, one per non-empty line; damage (bad gzip, bad JSON) is an error naming the file and line. */
export async function* readGzipJsonl(path: string): AsyncGenerator<JsonLine> {
  const whole = smallFileLines(path);
  if (whole) {
    // A final line break leaves one empty string after it, as readline yields no line there.
    for (let index = 0; index < whole.length; index++) if (whole[index]!.trim() !== '') yield parseLine(path, whole[index]!, index + 1);
    return;
  }
  const gunzip = createGunzip();
  const source = createReadStream(path);
  source.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      yield parseLine(path, text, line);
    }
  } catch (error) {
    if (error instanceof RunOutputError) throw error;
    throw new RunOutputError(path, `${path}: cannot read gzip JSONL after line ${line} (${(error as Error).message})`);
  } finally {
    lines.close();
    source.destroy();
  }
}
