/** Wordlists on disk: a folder with one `<tag>.txt` per language, one token a line, most frequent first. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidTag, writeFileAtomic } from '@ntl/core';

export class WordlistFolderError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'WordlistFolderError';
  }
}

export function saveWordlists(dir: string, lists: ReadonlyMap<string, readonly string[]>): void {
  for (const [tag, tokens] of lists) {
    if (!isValidTag(tag)) throw new WordlistFolderError(dir, `"${tag}" is not a language tag (xxx_Xxxx): cannot name a wordlist file after it`);
    const bad = tokens.find((token) => token === '' || /\s/u.test(token));
    if (bad !== undefined) throw new WordlistFolderError(join(dir, `${tag}.txt`), `token ${JSON.stringify(bad)} is empty or holds white space`);
    writeFileAtomic(join(dir, `${tag}.txt`), `${tokens.join('\n')}\n`);
  }
}

/** Reads every `<tag>.txt` of the folder (other files, e.g. a README, are ignored). */
export function loadWordlists(dir: string): Map<string, Set<string>> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new WordlistFolderError(dir, `cannot read the wordlist folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); build one with buildWordlists + saveWordlists`);
  }
  const lists = new Map<string, Set<string>>();
  for (const name of names.sort()) {
    if (!name.endsWith('.txt')) continue;
    const tag = name.slice(0, -'.txt'.length);
    if (!isValidTag(tag)) throw new WordlistFolderError(join(dir, name), `the file name is not <tag>.txt with a language tag of the form xxx_Xxxx`);
    const tokens = readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase().normalize('NFC'))
      .filter((line) => line !== '');
    lists.set(tag, new Set(tokens));
  }
  return lists;
}
