/**
 * Per-language term lists for the toxicity detector: UTF-8 text, one `tag<TAB>term` per line (`#` starts a
 * comment line, blank lines are skipped), from one file or every `.tsv`/`.txt` file of a folder. Tags go through
 * the tag registry, so `en`, `eng` and `eng_Latn` are one list.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tryToTag } from '@ntl/core';
import { decodeSegments } from '../io/segment-files.js';

export class TermListError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'TermListError';
  }
}

/** Terms by canonical tag, NFC, in file order without duplicates. */
export type TermLists = ReadonlyMap<string, readonly string[]>;

export function parseTermList(lines: readonly string[], file: string, into = new Map<string, string[]>()): Map<string, string[]> {
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    if (tab < 0) throw new TermListError(`${file}:${i + 1}: expected "tag<TAB>term", found no tab`, file, i + 1);
    const label = raw.slice(0, tab).trim();
    const term = raw.slice(tab + 1).trim().normalize('NFC');
    const tag = tryToTag(label);
    if (tag === undefined) throw new TermListError(`${file}:${i + 1}: unknown language tag "${label}"`, file, i + 1);
    if (term === '') throw new TermListError(`${file}:${i + 1}: empty term`, file, i + 1);
    const list = into.get(tag) ?? [];
    if (!list.includes(term)) list.push(term);
    into.set(tag, list);
  });
  return into;
}

/** A term-list file, or all `.tsv`/`.txt` files of a folder (in name order). */
export function loadTermLists(path: string): TermLists {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => /\.(tsv|txt)$/u.test(name))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const lists = new Map<string, string[]>();
  for (const file of files) parseTermList(decodeSegments(readFileSync(file), file), file, lists);
  return lists;
}
