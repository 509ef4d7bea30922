import type { Command } from 'commander';
import { createStepRegistry } from '../step-registry.js';

/** `ntl steps`: what a pipeline file can use, with every option and its default. */
export function registerStepsCommand(program: Command): void {
  program
    .command('steps')
    .description('List the steps a pipeline file can use, with their options and defaults.')
    .action(() => {
      for (const step of createStepRegistry().all()) {
        process.stdout.write(`${step.name}\n  ${step.description}\n`);
        for (const [name, spec] of Object.entries(step.options)) {
          const values = spec.type === 'enum' ? ` (${spec.values.join('|')})` : '';
          process.stdout.write(`    ${name}: ${spec.type}${values} = ${JSON.stringify(spec.default)}  ${spec.description}\n`);
        }
      }
    });
}
