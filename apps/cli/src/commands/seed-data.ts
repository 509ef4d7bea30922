/** Seed sources named on the command line (`--data`/`--seed`), with read errors as usage errors naming the file and line. */
import { alignLabels, loadLangIdModel, loadSeedSources, ModelLoadError, SeedFormatError, type LabeledText } from '@ntl/langid';
import { CliError, EXIT } from '../exit-codes.js';

/** The languages of a LangID model folder, so seed tags can be spelled as it spells them. */
async function modelLanguages(dir: string): Promise<string[]> {
  try {
    const model = await loadLangIdModel(dir);
    model.dispose();
    return [...model.languages];
  } catch (error) {
    if (error instanceof ModelLoadError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

/** The seed texts; with `alignTo`, tags spelled as that model does (cmn_Hans → zho_Hans for a FLORES-trained model), so lists and documents meet. */
export async function loadSeedOption(specs: readonly string[], alignTo?: string): Promise<LabeledText[]> {
  let texts: LabeledText[];
  try {
    texts = await loadSeedSources(specs);
  } catch (error) {
    if (error instanceof SeedFormatError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  return alignTo === undefined ? texts : alignLabels(texts, await modelLanguages(alignTo));
}
