import { existsSync, readFileSync } from 'node:fs';
import { configHash, sha256File } from '../io/hashing.js';
import { writeJsonAtomic } from '../io/atomic-write.js';
import type { ResolvedPipeline } from '../pipeline/pipeline-file.js';
import type { InputFile } from '../step.js';
import { shardInputs } from './inputs.js';
import { runLayout } from './run-layout.js';

export interface PlannedInput extends InputFile {
  /** null for a missing or unreadable input, which the readers report as damaged. */
  sha256: string | null;
}

/** What a run is: written once, so `--resume` continues exactly the same work or refuses clearly. */
export interface RunPlan {
  planVersion: 1;
  pipeline: { path: string; name: string; steps: Array<{ use: string; options: Record<string, unknown> }> };
  configHash: string;
  inputs: PlannedInput[];
  tasks: Array<{ rank: number; inputs: string[] }>;
}

export class PlanMismatchError extends Error {
  constructor(outputDir: string, what: string) {
    super(`${outputDir} holds a run with ${what}; resume it with the same pipeline and inputs, or choose a new --output`);
    this.name = 'PlanMismatchError';
  }
}

export function pipelineConfig(pipeline: ResolvedPipeline): RunPlan['pipeline'] {
  return { path: pipeline.path, name: pipeline.name, steps: pipeline.steps.map(({ use, options }) => ({ use, options })) };
}

async function checksum(input: InputFile): Promise<PlannedInput> {
  if (input.size < 0) return { ...input, sha256: null };
  try {
    return { ...input, sha256: await sha256File(input.path) };
  } catch {
    return { ...input, sha256: null };
  }
}

/** The plan without checksums: cheap, and enough to tell whether a resumed run is the same run. */
export function planRun(pipeline: ResolvedPipeline, inputs: readonly InputFile[], taskCount: number): RunPlan {
  const config = pipelineConfig(pipeline);
  const shards = shardInputs(inputs, Math.max(1, Math.min(taskCount, inputs.length)));
  return {
    planVersion: 1,
    pipeline: config,
    configHash: configHash({ steps: config.steps, tasks: shards.length }),
    inputs: inputs.map((input) => ({ ...input, sha256: null })),
    tasks: shards.map((shard, rank) => ({ rank, inputs: shard.map((input) => input.path) })),
  };
}

/** Input checksums for the manifest, computed once when the run is first planned. */
export async function withChecksums(plan: RunPlan): Promise<RunPlan> {
  return { ...plan, inputs: await Promise.all(plan.inputs.map(checksum)) };
}

export function readPlan(outputDir: string): RunPlan | undefined {
  const path = runLayout.plan(outputDir);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as RunPlan;
}

export function writePlan(outputDir: string, plan: RunPlan): void {
  writeJsonAtomic(runLayout.plan(outputDir), plan);
}

/** A resumed run must be the same run: same steps and options, same input files with the same sizes. */
export function assertSameRun(outputDir: string, previous: RunPlan, next: RunPlan): void {
  if (previous.configHash !== next.configHash) {
    throw new PlanMismatchError(outputDir, `another configuration (config hash ${previous.configHash}, now ${next.configHash})`);
  }
  const describe = (plan: RunPlan) => plan.inputs.map((input) => `${input.path}:${input.size}`).join('\n');
  if (describe(previous) !== describe(next)) throw new PlanMismatchError(outputDir, 'other input files or sizes');
}
