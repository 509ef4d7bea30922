import { readFileSync } from 'node:fs';

const cliPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const NTL_VERSION = cliPackage.version;

/** What produced a run, recorded in its manifest. */
export function runVersions(): Record<string, string> {
  return { ntl: NTL_VERSION, node: process.version };
}
