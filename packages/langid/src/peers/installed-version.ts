/** `name@version` of an installed package, for signatures (the package.json next to its resolved entry point). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function installedVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return `${name}@${json.version ?? 'unknown'}`;
    }
    const parent = dirname(dir);
    if (parent === dir) return `${name}@unknown`;
    dir = parent;
  }
}
