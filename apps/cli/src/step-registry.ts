import { StepRegistry, corpusWriteStep } from '@ntl/core';
import { dedupStep, extractStep, normalizeStep, readStep, segmentStep } from '@ntl/crawl';
import { filterSteps } from '@ntl/filter';
import { detectStep } from '@ntl/langid';

/** Every step a pipeline file can `use`; worker processes import this module to rebuild it. */
export function createStepRegistry(): StepRegistry {
  return new StepRegistry([readStep, extractStep, normalizeStep, dedupStep, segmentStep, detectStep, ...filterSteps, corpusWriteStep]);
}
