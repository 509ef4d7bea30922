import type { OptionSchema } from '../options.js';
import type { StepDefinition } from '../step.js';

/** Maps a pipeline file's `use` names to step definitions; each package contributes its own. */
export class StepRegistry {
  private readonly definitions = new Map<string, StepDefinition>();

  constructor(definitions: Iterable<StepDefinition<OptionSchema>> = []) {
    for (const definition of definitions) this.register(definition);
  }

  register<S extends OptionSchema>(definition: StepDefinition<S>): this {
    if (this.definitions.has(definition.name)) throw new Error(`step "${definition.name}" is registered twice`);
    this.definitions.set(definition.name, definition as unknown as StepDefinition);
    return this;
  }

  get(name: string): StepDefinition | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  all(): StepDefinition[] {
    return this.names().map((name) => this.definitions.get(name) as StepDefinition);
  }
}
