/**
 * Reading a run's output folder (docs/pipelines.md "Outputs") as a stream: `corpus/<tag>/part-*.jsonl.gz` and
 * `dropped/<filter>/part-*.jsonl.gz`, one gzip JSONL line at a time (zlib gunzip + readline), so an evaluation
 * or a pass over a finished run holds one record at a time whatever the corpus's size.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

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

/** The JSON objects of a gzip JSONL file, one per non-empty line; damage (bad gzip, bad JSON) is an error naming the file and line. */
export async function* readGzipJsonl(path: string): AsyncGenerator<JsonLine> {
  const gunzip = createGunzip();
  const source = createReadStream(path);
  source.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new RunOutputError(path, `${path}:${line}: not JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RunOutputError(path, `${path}:${line}: not a JSON object`);
      yield { value: value as Record<string, unknown>, where: `${path}:${line}` };
    }
  } catch (error) {
    if (error instanceof RunOutputError) throw error;
    throw new RunOutputError(path, `${path}: cannot read gzip JSONL after line ${line} (${(error as Error).message})`);
  } finally {
    lines.close();
    source.destroy();
  }
}
