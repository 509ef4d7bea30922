/** The classifier `--model` / `--neural` name, with load failures turned into messages that say what to run. */
import { defaultModelDir, loadCombinedClassifier, loadLangIdModel, ModelLoadError, type SentenceClassifier } from '@ntl/langid';
import { CliError, EXIT } from '../../exit-codes.js';

export interface ModelChoice {
  model?: string;
  neural?: boolean;
}

export type LoadedClassifier = SentenceClassifier & { dispose(): void };

export function chosenModelDir(choice: ModelChoice): string {
  return choice.model ?? defaultModelDir();
}

export async function loadClassifier(choice: ModelChoice): Promise<LoadedClassifier> {
  const dir = chosenModelDir(choice);
  try {
    return choice.neural ? await loadCombinedClassifier(dir) : await loadLangIdModel(dir);
  } catch (error) {
    if (error instanceof ModelLoadError) throw new CliError(error.message, EXIT.failed);
    throw error;
  }
}
