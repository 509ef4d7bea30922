/**
 * sacrebleu-style signature of a LangID evaluation: the exact model, data and settings behind a score, e.g.
 * `model:langid-full@3f2a…|data:flores200-sib-dev@9c1e…|n:20295|langs:205|level:sentence|macro:nested|version:0.1.0`.
 * Two scores are comparable when their signatures agree outside the model field.
 */
import { readFileSync } from 'node:fs';
import { sha256Hex } from '@ntl/core';
import type { MacroMode } from './label-match.js';

/** The version of @ntl/langid whose metric definitions produced a score. */
export const LANGID_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A name and the first 12 hex digits of a SHA-256 over its content. */
export interface Identity {
  readonly name: string;
  readonly hash: string;
}

export type EvalLevel = 'sentence' | 'document';

export interface SignatureFields {
  readonly model: Identity;
  readonly data: Identity;
  readonly sentences: number;
  readonly languages: number;
  readonly level: EvalLevel;
  readonly macro: MacroMode;
  /** Set when the metrics cover a subset of the data, e.g. `supported` (the gold languages a peer knows). */
  readonly subset?: string;
}

/** Hash of an evaluation set: its tags and texts in order, so any edit, reorder or relabelling shows. */
export function dataIdentity(name: string, gold: ReadonlyArray<{ readonly tag: string; readonly text: string }>): Identity {
  return { name, hash: sha256Hex(gold.map(({ tag, text }) => `${tag}\t${text}\n`).join('')).slice(0, 12) };
}

export function evalSignature(fields: SignatureFields): string {
  const parts = [
    `model:${fields.model.name}@${fields.model.hash}`,
    `data:${fields.data.name}@${fields.data.hash}`,
    `n:${fields.sentences}`,
    `langs:${fields.languages}`,
    `level:${fields.level}`,
    `macro:${fields.macro}`,
    ...(fields.subset === undefined ? [] : [`subset:${fields.subset}`]),
    `version:${LANGID_VERSION}`,
  ];
  return parts.join('|');
}
