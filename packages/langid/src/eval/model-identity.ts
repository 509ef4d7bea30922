/** The `model:` field of a signature for a model folder: its name and a hash of every file in it. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { sha256Hex } from '@ntl/core';
import type { Identity } from './signature.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** Hash over (relative path, content hash) of all files, in path order: retraining or editing model.json shows. */
export function modelFolderIdentity(dir: string): Identity {
  const files = filesUnder(dir).sort();
  if (files.length === 0) throw new Error(`${dir}: empty model folder (expected model.json and weights)`);
  const listing = files.map((path) => `${relative(dir, path)}\t${sha256Hex(readFileSync(path))}\n`).join('');
  return { name: basename(dir), hash: sha256Hex(listing).slice(0, 12) };
}
