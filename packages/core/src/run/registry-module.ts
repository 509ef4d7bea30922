import { pathToFileURL } from 'node:url';
import type { StepRegistry } from '../pipeline/step-registry.js';

/**
 * Worker processes rebuild the step registry themselves (functions cannot cross IPC): the module
 * at `specifier` must export `createStepRegistry(): StepRegistry`.
 */
export async function loadStepRegistry(specifier: string): Promise<StepRegistry> {
  const url = specifier.startsWith('file:') ? specifier : pathToFileURL(specifier).href;
  const module = (await import(url)) as { createStepRegistry?: () => StepRegistry };
  if (typeof module.createStepRegistry !== 'function') throw new Error(`${specifier} does not export createStepRegistry()`);
  const registry = module.createStepRegistry();
  // Duck-typed: the worker and the CLI may load the registry class through different module paths.
  if (typeof registry?.get !== 'function') throw new Error(`${specifier}: createStepRegistry() did not return a StepRegistry`);
  return registry;
}
