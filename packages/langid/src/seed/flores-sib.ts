/**
 * FLORES-200/SIB-200 folders (as ../shared/data/flores200-sib): `<xxx_Xxxx>/<split>.tsv` (other folders are ignored) with the header
 * `index_id<TAB>category<TAB>text`. Rows with the same index_id are translations of one another, so docId is
 * `flores-sib:<index_id>`: a held-out split never separates a sentence from its translations.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidTag } from '@ntl/core';
import type { LabeledText } from './labeled-text.js';
import { SeedFormatError } from './seed-error.js';

export interface FloresOptions {
  /** Default ['train', 'dev'] (SIB-200 already splits FLORES; a language folder may lack a split). */
  splits?: readonly string[];
  /** Only these tags; default every language folder. */
  tags?: readonly string[];
}

/** SIB-200's TSVs were written by Python's csv module: a field holding a quote is quoted, inner quotes doubled. */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

async function readSplit(path: string, tag: string): Promise<LabeledText[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const [header = '', ...rows] = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = header.split('\t');
  const idColumn = columns.indexOf('index_id');
  const textColumn = columns.indexOf('text');
  if (idColumn < 0 || textColumn < 0) throw new SeedFormatError(path, 1, 'expected a header with "index_id" and "text" columns');
  const texts: LabeledText[] = [];
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    const fields = row.split('\t');
    const id = fields[idColumn];
    const text = unquote(fields[textColumn] ?? '').trim();
    if (id === undefined || id === '') throw new SeedFormatError(path, i + 2, 'missing index_id');
    if (text !== '') texts.push({ tag, text, docId: `flores-sib:${id}`, source: 'flores-sib' });
  });
  return texts;
}

/** Languages in tag order, then splits in the order given. */
export async function loadFloresSib(dir: string, options: FloresOptions = {}): Promise<LabeledText[]> {
  const splits = options.splits ?? ['train', 'dev'];
  const wanted = options.tags ? new Set(options.tags) : undefined;
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => isValidTag(name) && (!wanted || wanted.has(name)))
    .sort();
  if (folders.length === 0) throw new SeedFormatError(dir, undefined, 'no language folders (<xxx_Xxxx>/<split>.tsv) found');
  const texts: LabeledText[] = [];
  for (const tag of folders) {
    for (const split of splits) texts.push(...(await readSplit(join(dir, tag, `${split}.tsv`), tag)));
  }
  return texts;
}
