import { StepRegistry, corpusWriteStep } from '@ntl/core';

/** Every step a pipeline file can `use`; worker processes import this module to rebuild it. */
export function createStepRegistry(): StepRegistry {
  return new StepRegistry([corpusWriteStep]);
}
