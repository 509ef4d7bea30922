import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { InputFile } from '../step.js';

function listFolder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Expands files, folders (recursively) and glob patterns into a sorted, de-duplicated list.
 * A path that does not exist is kept with size -1: the reader reports it as a damaged input and
 * the run goes on with the rest, instead of one typo killing a long job.
 */
export async function resolveInputs(patterns: readonly string[]): Promise<InputFile[]> {
  const paths = new Set<string>();
  for (const pattern of patterns) {
    let stats;
    try {
      stats = statSync(pattern);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) for (const file of listFolder(pattern)) paths.add(resolve(file));
    else if (!stats && isDynamicPattern(pattern)) for (const file of await glob(pattern, { absolute: true, onlyFiles: true })) paths.add(resolve(file));
    else paths.add(resolve(pattern));
  }
  return [...paths].sort().map((path) => {
    try {
      return { path, size: statSync(path).size };
    } catch {
      return { path, size: -1 };
    }
  });
}

/**
 * Splits inputs into `taskCount` shards, biggest files first onto the lightest shard, so shards
 * finish together; deterministic, so a resumed run gets the same shards.
 */
export function shardInputs(inputs: readonly InputFile[], taskCount: number): InputFile[][] {
  const shards: InputFile[][] = Array.from({ length: taskCount }, () => []);
  const loads = new Array<number>(taskCount).fill(0);
  const bySize = [...inputs].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  for (const input of bySize) {
    let lightest = 0;
    for (let rank = 1; rank < taskCount; rank++) if ((loads[rank] as number) < (loads[lightest] as number)) lightest = rank;
    (shards[lightest] as InputFile[]).push(input);
    loads[lightest] = (loads[lightest] as number) + Math.max(input.size, 1);
  }
  for (const shard of shards) shard.sort((a, b) => (a.path < b.path ? -1 : 1));
  return shards;
}
