import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const ntlBin = join(repoRoot, 'apps/cli/bin/ntl.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (tests build first: `npm test` runs `tsc -b`). */
export function ntl(args: string[], options: { input?: string; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [ntlBin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function ntlAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, [ntlBin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}
