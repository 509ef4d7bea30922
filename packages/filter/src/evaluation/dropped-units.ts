/**
 * What each step removed, read back from `<run>/dropped/<step>/` and judged against the truth: how many of the
 * dropped documents and sentences were text in the language their document was labelled with (lost recall)
 * rather than noise or another language's text (gained precision).
 *
 * A dropped document is judged by its page's true main language (truth `lang`) against its LangID tag;
 * documents dropped before LangID ran (crawl.dedup) have no tag and are not judged. A dropped sentence is
 * judged by its own truth label against the folder its document was written to; sentences of documents that
 * lost every sentence (so none was written) are not judged.
 */
import type { LanguageMatch } from './language-match.js';
import { labelText } from '../synth/truth.js';
import { partFiles, readGzipJsonl } from './run-output.js';
import type { TruthIndex } from './truth-index.js';

export interface DropTally {
  /** The folder under dropped/: the step that dropped (`filter.wordlist`, `crawl.dedup`). */
  readonly step: string;
  documents: number;
  documentsJudged: number;
  documentsInLanguage: number;
  sentences: number;
  sentencesJudged: number;
  sentencesInLanguage: number;
  /** Drop reason → documents and sentences. */
  readonly reasons: Record<string, number>;
}

export async function tallyDropped(droppedDir: string, truth: TruthIndex, match: LanguageMatch, folders: ReadonlyMap<string, string>): Promise<DropTally[]> {
  const tallies = new Map<string, DropTally>();
  for (const part of partFiles(droppedDir)) {
    let tally = tallies.get(part.folder);
    if (!tally) {
      tally = { step: part.folder, documents: 0, documentsJudged: 0, documentsInLanguage: 0, sentences: 0, sentencesJudged: 0, sentencesInLanguage: 0, reasons: {} };
      tallies.set(part.folder, tally);
    }
    for await (const { value } of readGzipJsonl(part.path)) {
      const drop = value['drop'] as { reason?: unknown } | undefined;
      const reason = typeof drop?.reason === 'string' ? drop.reason : 'unknown';
      tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
      if (typeof value['docId'] === 'string') {
        tally.sentences++;
        const row = truth.rows.get(value['docId']);
        const folder = folders.get(value['docId']);
        if (!row || folder === undefined || typeof value['text'] !== 'string') continue;
        tally.sentencesJudged++;
        const lang = labelText(row, value['text'])?.lang;
        if (lang !== undefined && match(lang, folder)) tally.sentencesInLanguage++;
      } else {
        tally.documents++;
        const row = typeof value['id'] === 'string' ? truth.rows.get(value['id']) : undefined;
        const tag = (value['lang'] as { tag?: unknown } | undefined)?.tag;
        if (!row || typeof tag !== 'string') continue;
        tally.documentsJudged++;
        if (row.lang !== null && match(row.lang, tag)) tally.documentsInLanguage++;
      }
    }
  }
  return [...tallies.values()];
}
