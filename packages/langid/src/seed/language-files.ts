/**
 * One-file-per-language folders: `<label>.txt` holds text of one language, one text per line; blank lines
 * separate documents (docId `<file>#<n>`), so a held-out split keeps each paragraph block whole.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { LabeledText } from './labeled-text.js';
import { tagOfFile } from './tag-of-file.js';

/** Files are read in name order. */
export async function loadLanguageFolder(dir: string): Promise<LabeledText[]> {
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && extname(entry.name) === '.txt')
    .map((entry) => entry.name)
    .sort();
  const texts: LabeledText[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    const tag = tagOfFile(path, file.slice(0, -'.txt'.length), lines.join('\n'));
    let block = 0;
    let inBlock = false;
    for (const line of lines) {
      const text = line.trim();
      if (text === '') {
        if (inBlock) block++;
        inBlock = false;
        continue;
      }
      inBlock = true;
      texts.push({ tag, text, docId: `${file}#${block}`, source: file });
    }
  }
  return texts;
}
