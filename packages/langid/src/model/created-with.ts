import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Software that built a model, for model.json's `createdWith`. */
export function createdWith(): Record<string, string> {
  const require = createRequire(import.meta.url);
  return {
    '@ntl/langid': versionOf(new URL('../../package.json', import.meta.url).pathname),
    'fasttext.wasm.js': versionOf(require.resolve('fasttext.wasm.js/package.json')),
    node: process.version,
  };
}
