import { readFileSync } from 'node:fs';

/** The version of @ntl/eval whose detectors and RTT definition produced a result (signatures end with it). */
export const EVAL_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
