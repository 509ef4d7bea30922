/** Seed sources named on the command line (`--data`/`--seed`), with read errors as usage errors naming the file and line. */
import { loadSeedSources, SeedFormatError, type LabeledText } from '@ntl/langid';
import { CliError, EXIT } from '../../exit-codes.js';

export async function loadSeedOption(specs: readonly string[]): Promise<LabeledText[]> {
  try {
    return await loadSeedSources(specs);
  } catch (error) {
    if (error instanceof SeedFormatError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
