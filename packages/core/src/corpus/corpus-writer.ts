import { join } from 'node:path';
import type { Doc } from '../doc.js';
import { defineStep, type StepContext } from '../step.js';
import { keptText } from './kept-text.js';
import { GzipJsonlWriter } from './gzip-jsonl-writer.js';
import { partFileName } from './part-files.js';

export const UNDETERMINED_TAG = 'und_Zyyy';

/**
 * Per-language drop counters: `<prefix><tag>.docs_dropped.<filter>.<reason>` and `….sentences_dropped.…`, the
 * document's language (und_Zyyy for what was dropped before LangID). Reasons have no dots; filter names may.
 */
export const DROPS_BY_LANGUAGE_PREFIX = 'corpus.write.lang.';

/** Folder-safe name (tags are `xxx_Xxxx`, filters `pkg.name`): a bad upstream value must not escape the output folder. */
function folderFor(name: string, fallback: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) ? name : fallback;
}

class WriterSet {
  private readonly writers = new Map<string, GzipJsonlWriter>();
  constructor(
    private readonly base: string,
    private readonly rank: number,
    private readonly gzipLevel: number,
  ) {}

  get(folder: string): GzipJsonlWriter {
    let writer = this.writers.get(folder);
    if (!writer) {
      writer = new GzipJsonlWriter(join(this.base, folder, partFileName(this.rank)), this.gzipLevel);
      this.writers.set(folder, writer);
    }
    return writer;
  }

  async closeAll(): Promise<void> {
    for (const writer of this.writers.values()) await writer.close();
  }
}

function corpusRecord(doc: Doc, text: string, keepSegments: boolean, segments: Doc['segments']): Record<string, unknown> {
  return {
    id: doc.id,
    text,
    ...(doc.url !== undefined ? { url: doc.url } : {}),
    source: doc.source,
    ...(doc.lang ? { lang: doc.lang } : {}),
    ...(keepSegments && segments?.length ? { segments } : {}),
    meta: doc.meta,
  };
}

async function writeDoc(doc: Doc, corpus: WriterSet, dropped: WriterSet, keepSegments: boolean, ctx: StepContext): Promise<void> {
  const { stats } = ctx;
  const tag = folderFor(doc.lang?.tag ?? UNDETERMINED_TAG, UNDETERMINED_TAG);
  if (doc.drop) {
    stats.add(`corpus.write.docs_dropped.${doc.drop.filter}`);
    stats.add(`${DROPS_BY_LANGUAGE_PREFIX}${tag}.docs_dropped.${doc.drop.filter}.${doc.drop.reason}`);
    await dropped.get(folderFor(doc.drop.filter, 'unnamed-filter')).write({ ...corpusRecord(doc, doc.text, false, undefined), drop: doc.drop });
    return;
  }
  stats.add('corpus.write.docs_in');
  const kept = keptText(doc);
  for (const removal of kept.removed) {
    stats.add(`corpus.write.sentences_dropped.${removal.drop.filter}`);
    stats.add(`${DROPS_BY_LANGUAGE_PREFIX}${tag}.sentences_dropped.${removal.drop.filter}.${removal.drop.reason}`);
    await dropped.get(folderFor(removal.drop.filter, 'unnamed-filter')).write({
      docId: doc.id,
      ...(doc.lang ? { docLang: doc.lang.tag } : {}),
      text: removal.text,
      ...(removal.segment.lang ? { lang: removal.segment.lang } : {}),
      drop: removal.drop,
    });
  }
  if (kept.text.trim() === '') {
    stats.add('corpus.write.docs_emptied');
    return;
  }
  await corpus.get(tag).write(corpusRecord(doc, kept.text, keepSegments, kept.segments));
  stats.add(`corpus.write.docs.${tag}`);
  stats.add('corpus.write.docs_out');
  stats.add(`corpus.write.chars.${tag}`, kept.text.length);
  stats.add(`corpus.write.bytes.${tag}`, Buffer.byteLength(kept.text));
}

/**
 * The corpus writer (ARCHITECTURE §3 "Outputs"): decides from the filters' annotations what is kept.
 * Kept documents go to `corpus/<tag>/part-<rank>.jsonl.gz` with only their kept sentences; every removed
 * document or sentence goes with its filter and reason to `dropped/<filter>/part-<rank>.jsonl.gz` (a sentence
 * with its document's id and language, `docId` and `docLang`, so that it can be reviewed per language).
 */
export const corpusWriteStep = defineStep({
  name: 'corpus.write',
  description: 'Write kept documents per language tag and everything dropped per filter (gzip JSONL).',
  options: {
    keepSegments: { type: 'boolean', default: false, description: 'Keep re-based sentence spans in corpus records.' },
    gzipLevel: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 9,
      description: 'gzip level of the output; 3 compresses about twice as fast as gzip\'s default 6 for ~10% larger files.',
    },
  },
  create: (options) =>
    async function* (input, ctx) {
      const corpus = new WriterSet(join(ctx.outputDir, 'corpus'), ctx.rank, options.gzipLevel);
      const dropped = new WriterSet(join(ctx.outputDir, 'dropped'), ctx.rank, options.gzipLevel);
      for await (const doc of input) {
        const started = performance.now();
        await writeDoc(doc, corpus, dropped, options.keepSegments, ctx);
        ctx.stats.time('corpus.write', performance.now() - started);
      }
      await corpus.closeAll();
      await dropped.closeAll();
    },
});
