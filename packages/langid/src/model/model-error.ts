import { basename, resolve } from 'node:path';

/** Presets that `ntl langid train --preset <name>` builds into `models/langid-<name>/`. */
export const PRESETS = ['udhr', 'full'] as const;
export type PresetName = (typeof PRESETS)[number];

/** What rebuilds a model folder: its preset when the folder is a preset's, else training into it. */
export function rebuildCommand(dir: string): string {
  const preset = PRESETS.find((name) => basename(resolve(dir)) === `langid-${name}`);
  return preset ? `ntl langid train --preset ${preset}` : `ntl langid train --output ${dir}`;
}

/** A model folder that cannot be used; the message names the file and the command that rebuilds it. */
export class ModelLoadError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    readonly command: string,
  ) {
    super(`${file} ${problem}: run \`${command}\``);
    this.name = 'ModelLoadError';
  }
}
