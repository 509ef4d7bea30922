/**
 * Verse-aligned Bible-style files, one per language, named after the language (`<label>.txt`/`.tsv`):
 * `BOOK CH:VS<TAB>text` per line (`GEN 1:1`, `1 John 3:16`). docId is `bible:<BOOK> <CH>`, the same in every
 * language, so a chapter and its translations stay on one side of a held-out split.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { LabeledText } from './labeled-text.js';
import { readLines } from './line-reader.js';
import { SeedFormatError } from './seed-error.js';
import { tagOfFile } from './tag-of-file.js';

const REFERENCE = /^(.+?)\s+(\d+):(\d+)$/;
const EXTENSIONS = new Set(['.txt', '.tsv']);

/** Verses of one file; the tag comes from the file name and the script of its first verses. */
export async function loadVerseFile(path: string): Promise<LabeledText[]> {
  const source = basename(path);
  const verses: Array<{ docId: string; text: string }> = [];
  for await (const { line, number } of readLines(path)) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const reference = REFERENCE.exec(tab < 0 ? '' : line.slice(0, tab).trim());
    if (!reference) throw new SeedFormatError(path, number, 'expected "BOOK CH:VS<TAB>text"');
    const text = line.slice(tab + 1).trim();
    if (text !== '') verses.push({ docId: `bible:${reference[1]} ${reference[2]}`, text });
  }
  const tag = tagOfFile(path, source.slice(0, -extname(source).length), verses.slice(0, 200).map((v) => v.text).join('\n'));
  return verses.map(({ docId, text }) => ({ tag, text, docId, source }));
}

/** Every `.txt`/`.tsv` file of `dir`, in name order. */
export async function loadVerseFolder(dir: string): Promise<LabeledText[]> {
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && EXTENSIONS.has(extname(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const texts: LabeledText[] = [];
  for (const file of files) texts.push(...(await loadVerseFile(join(dir, file))));
  return texts;
}
