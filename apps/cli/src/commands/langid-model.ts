/**
 * The LangID model a command names with `--model` (and `--neural`), shared by `ntl langid …` and `ntl eval
 * errors|rtt`: a load failure is a configuration error (exit 2) whose message names the file and the command
 * that rebuilds it.
 */
import { defaultModelDir, loadLangIdModel, ModelLoadError, modelFolderIdentity, type Identity, type SentenceClassifier } from '@ntl/langid';
import { CliError, EXIT } from '../exit-codes.js';

export interface ModelChoice {
  model?: string;
  neural?: boolean;
}

export interface LoadedModel {
  classifier: SentenceClassifier & { dispose(): void };
  /** For signatures: the folder's name (with `+neural` when combined) and the hash of every file in it. */
  identity: Identity;
  /** `folder@hash`, as signatures name the model (`langid-udhr@3f2a9c01b2d4`). */
  name: string;
}

/** The model in `--model`, else @ntl/langid's default (`models/langid-full` when built, else the shipped `models/langid-udhr`). The caller disposes of it. */
export async function loadModelChoice(choice: ModelChoice): Promise<LoadedModel> {
  const dir = choice.model ?? defaultModelDir();
  try {
    // The neural entry point loads TensorFlow.js (~0.7 CPU-s): only when asked for.
    const classifier = choice.neural ? await (await import('@ntl/langid/neural')).loadCombinedClassifier(dir) : await loadLangIdModel(dir);
    const folder = modelFolderIdentity(dir);
    const identity = choice.neural ? { ...folder, name: `${folder.name}+neural` } : folder;
    return { classifier, identity, name: `${identity.name}@${identity.hash}` };
  } catch (error) {
    if (error instanceof ModelLoadError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
