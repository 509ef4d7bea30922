/** `tag<TAB>text` files: one labelled text per line, labels in any spelling toTag accepts (`en`, `sr-Latn`, `__label__hau`). */
import { basename } from 'node:path';
import type { LabeledText } from './labeled-text.js';
import { collect, readLines } from './line-reader.js';
import { SeedFormatError } from './seed-error.js';
import { tagForText } from './text-tag.js';

/** Each line is its own document (docId `<file>:<line>`); blank lines are skipped. */
export async function* readTaggedLines(path: string): AsyncIterable<LabeledText> {
  const source = basename(path);
  for await (const { line, number } of readLines(path)) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new SeedFormatError(path, number, 'expected "tag<TAB>text"');
    const label = line.slice(0, tab).trim();
    const text = line.slice(tab + 1).trim();
    if (text === '') continue;
    let tag: string;
    try {
      tag = tagForText(label, text);
    } catch (error) {
      throw new SeedFormatError(path, number, (error as Error).message);
    }
    yield { tag, text, docId: `${source}:${number}`, source };
  }
}

export function loadTaggedLines(path: string): Promise<LabeledText[]> {
  return collect(readTaggedLines(path));
}
