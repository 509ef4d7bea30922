import { SeedFormatError } from './seed-error.js';
import { tagForText } from './text-tag.js';

/** The tag of a one-language file named after its language (`hau.txt`, `sr-Latn.txt`), its script from its text. */
export function tagOfFile(path: string, label: string, sample: string): string {
  try {
    return tagForText(label, sample);
  } catch (error) {
    throw new SeedFormatError(path, undefined, `the file name "${label}" is not a language tag: ${(error as Error).message}`);
  }
}
