/**
 * What the `ntl eval` subcommands share: segment files and language-tag options, with
 * failures turned into usage errors (exit 2) that name the file, the line or the tag.
 */
import { statSync } from 'node:fs';
import { TagError, toTag } from '@ntl/core';
import { RttInputError, SegmentFileError, TermListError, readSegmentFile, type NamedSegments } from '@ntl/eval';
import { ModelLoadError } from '@ntl/langid';
import { InvalidArgumentError } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';

/** Commander parser for a language option: the canonical `xxx_Xxxx` tag, or the reason the input names none. */
export function parseLanguageTag(value: string): string {
  try {
    return toTag(value);
  } catch (error) {
    if (error instanceof TagError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/**
 * The CLI's form of an error met while reading `inputs` and running on them: bad input files, term lists,
 * round trips and model folders are usage errors; a file system error on one of `inputs` is "cannot read", on
 * anything else (the output folder) a failed run. Other errors pass through unchanged.
 */
export function inputError(error: unknown, inputs: readonly string[]): unknown {
  if (error instanceof SegmentFileError || error instanceof TermListError || error instanceof RttInputError || error instanceof ModelLoadError) {
    return new CliError(error.message, EXIT.usage);
  }
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined) return error;
  // Reading a folder fails with EISDIR and no path: with one input it can only be that one.
  const file = path ?? (inputs.length === 1 ? inputs[0] : undefined);
  // mkdir is the output side: `--out` pointing at an input file.
  if (file !== undefined && inputs.includes(file) && syscall !== 'mkdir') return new CliError(`cannot read ${file} (${code})`, EXIT.usage);
  return new CliError((error as Error).message, EXIT.failed);
}

/** Every input path exists and is not a folder: checked before loading a model, so a typo fails at once and names the path. */
export function checkInputFiles(paths: readonly string[]): void {
  for (const path of paths) {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch (error) {
      throw inputError(error, [path]);
    }
    if (folder) throw new CliError(`cannot read ${path} (EISDIR: a folder, not a file)`, EXIT.usage);
  }
}

/** One segment file, read as sacrebleu reads it (strict UTF-8, one segment per line). */
export function readSegments(path: string): NamedSegments {
  try {
    return { name: path, segments: readSegmentFile(path) };
  } catch (error) {
    throw inputError(error, [path]);
  }
}
