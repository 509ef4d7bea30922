/**
 * The project's language tag: `xxx_Xxxx`, an ISO 639-3 code and an ISO 15924 script (`hau_Latn`, `zho_Hans`),
 * as FLORES-200, NLLB and GlotLID write them.
 */
import { languageInfo, scriptInfo } from './registry.js';

export interface ParsedTag {
  /** ISO 639-3 code. */
  readonly language: string;
  /** ISO 15924 code. */
  readonly script: string;
}

/** Undetermined language, script unspecified (FLORES-200's convention). */
export const UND = 'und_Zyyy';

/** An input that cannot be mapped to a tag; `input` is what the caller passed, `reason` says why. */
export class TagError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`cannot map ${JSON.stringify(input)} to a language tag: ${reason}`);
    this.name = 'TagError';
  }
}

const TAG_SHAPE = /^([a-z]{3})_([A-Z][a-z]{3})$/;

function split(tag: string): ParsedTag | undefined {
  const match = TAG_SHAPE.exec(tag);
  return match ? { language: match[1] ?? '', script: match[2] ?? '' } : undefined;
}

/** Why `language`/`script` do not make a tag, or undefined when they do (both must be canonical registry codes). */
function problem({ language, script }: ParsedTag): string | undefined {
  if (languageInfo(language)?.code !== language) return `unknown ISO 639-3 code "${language}"`;
  if (scriptInfo(script)?.code !== script) return `unknown ISO 15924 script "${script}"`;
  return undefined;
}

/** Whether `tag` is a canonical `xxx_Xxxx` tag of a known language and script (use toTag to normalise others). */
export function isValidTag(tag: string): boolean {
  const parts = split(tag);
  return parts !== undefined && problem(parts) === undefined;
}

/** Splits a canonical tag; throws TagError for anything else (toTag accepts the other spellings). */
export function parseTag(tag: string): ParsedTag {
  const parts = split(tag);
  if (!parts) throw new TagError(tag, 'not of the form xxx_Xxxx (use toTag for other spellings)');
  const reason = problem(parts);
  if (reason) throw new TagError(tag, reason);
  return parts;
}

/** Joins a known ISO 639-3 code and ISO 15924 script into a tag; throws TagError when either is unknown. */
export function formatTag(parts: ParsedTag): string {
  const tag = `${parts.language}_${parts.script}`;
  const reason = problem(parts);
  if (reason) throw new TagError(tag, reason);
  return tag;
}
