import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** ARCHITECTURE §2: apps → packages → core, core depends on nothing of ours, no cycles, all imports declared. */
const root = join(import.meta.dirname, '..');

interface Workspace {
  name: string;
  folder: string;
  kind: 'core' | 'package' | 'app';
  dependsOn: string[];
}

function workspaces(): Workspace[] {
  const result: Workspace[] = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = join(root, group, entry.name);
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      result.push({
        name: manifest.name,
        folder,
        kind: group === 'apps' ? 'app' : manifest.name === '@ntl/core' ? 'core' : 'package',
        dependsOn: Object.keys(manifest.dependencies ?? {}).filter((dep) => dep.startsWith('@ntl/')),
      });
    }
  }
  return result;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(folder, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const all = workspaces();
const byName = new Map(all.map((workspace) => [workspace.name, workspace]));

test.each(all.map((workspace) => [workspace.name, workspace] as const))('%s depends only downwards', (_name, workspace) => {
  for (const dep of workspace.dependsOn) {
    const target = byName.get(dep);
    expect(target).toBeDefined();
    if (workspace.kind === 'core') throw new Error(`@ntl/core must not depend on ${dep}`);
    if (target?.kind === 'app') throw new Error(`${workspace.name} must not depend on the app ${dep}`);
  }
});

test.each(all.map((workspace) => [workspace.name, workspace] as const))('%s imports only what it declares', (_name, workspace) => {
  const undeclared: string[] = [];
  for (const file of sourceFiles(workspace.folder)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(@ntl\/[a-z-]+)/g)) {
      const imported = match[1] as string;
      if (imported !== workspace.name && !workspace.dependsOn.includes(imported)) undeclared.push(`${relative(root, file)} → ${imported}`);
    }
  }
  expect(undeclared).toEqual([]);
});

test('the package graph has no cycle', () => {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`dependency cycle: ${[...path, name].join(' → ')}`);
    visiting.add(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) visit(dep, [...path, name]);
    visiting.delete(name);
    done.add(name);
  };
  for (const workspace of all) visit(workspace.name, []);
  expect(done.size).toBe(all.length);
});
