/**
 * The Tf-IIf table on disk (JSON): per language, the tokens with the highest Tf-IIf for review, and the
 * `anomalous` ones filter.tfiif drops documents for. Reviewers may edit `anomalous` by hand (add a token they
 * judge boilerplate, remove a genuine word); the filter reads only that field and `reference`.
 */
import { readFileSync } from 'node:fs';
import { writeJsonAtomic } from '@ntl/core';

export const TFIIF_KIND = 'ntl-tfiif';
export const TFIIF_VERSION = 1;

export interface TfIifToken {
  readonly token: string;
  /** Estimated occurrences in the language's documents (count-min sketch: never under the truth). */
  readonly count: number;
  /** count / the language's tokens. */
  readonly tf: number;
  /** ln(all tokens / the token's occurrences in all languages). */
  readonly iif: number;
  /** tf × iif. */
  readonly score: number;
  /** In the language's reference wordlist (its seed vocabulary), when one was given. */
  readonly inWordlist?: boolean;
}

export interface TfIifLanguage {
  readonly tokens: number;
  readonly docs: number;
  /** Highest Tf-IIf first. */
  readonly top: TfIifToken[];
  /** Tokens filter.tfiif counts against a document: the top tokens outside the reference wordlist. */
  readonly anomalous: string[];
  /** `wordlist`: anomalous = top tokens not in the language's wordlist; `none`: no wordlist, nothing flagged until reviewed. */
  readonly reference: 'wordlist' | 'none';
}

export interface TfIifTable {
  readonly kind: typeof TFIIF_KIND;
  readonly version: number;
  readonly totalTokens: number;
  readonly options: Record<string, number>;
  readonly languages: Record<string, TfIifLanguage>;
}

export class TfIifFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'TfIifFileError';
  }
}

export function writeTfIifTable(path: string, table: TfIifTable): void {
  writeJsonAtomic(path, table);
}

export function readTfIifTable(path: string): TfIifTable {
  let value: Partial<TfIifTable>;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<TfIifTable>;
  } catch (error) {
    throw new TfIifFileError(path, `cannot read a Tf-IIf table (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); compute it with computeTfIif`);
  }
  if (value.kind !== TFIIF_KIND) throw new TfIifFileError(path, `not a Tf-IIf table (expected "kind": "${TFIIF_KIND}"; compute it with computeTfIif)`);
  if (value.version !== TFIIF_VERSION) throw new TfIifFileError(path, `version ${String(value.version)} is not supported (expected ${TFIIF_VERSION})`);
  for (const [tag, language] of Object.entries(value.languages ?? {})) {
    if (!Array.isArray(language.anomalous) || !language.anomalous.every((token) => typeof token === 'string')) {
      throw new TfIifFileError(path, `field "languages.${tag}.anomalous": expected an array of tokens`);
    }
  }
  return value as TfIifTable;
}
