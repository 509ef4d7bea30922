/**
 * The ground truth of a synthetic crawl (`truth.jsonl`, one row per page) and how it joins the
 * pipeline's output.
 *
 * Documents: a row's `id` is the WARC-Record-ID of the page's response record (`<urn:uuid:…>`), which
 * is the `id` that `readDocuments` / `crawl.read` give the Doc and that the corpus writer keeps; `url`
 * is its WARC-Target-URI (= `Doc.url`), unique in a crawl. `file` + `offset` locate the record too.
 *
 * Sentences: each truth sentence's `text` is exactly what the page shows, normalised as the pipeline
 * normalises (`truthText`). The crawl's own segmenter may cut differently, so `labelText` finds a
 * piece of corpus text in its document by text: the sentence it equals, else the one it is part of,
 * else the sentences it spans (labelled by the longest of them), else the two it cuts across (labelled
 * by the one it shares more text with).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { normalizeText } from '@ntl/crawl';
import type { NoiseKind, PageKind } from './page-kinds.js';

export type SentenceRole = 'title' | 'main' | 'boilerplate' | 'chrome';

export interface TruthSentence {
  text: string;
  /** `title`: the h1; `main`: the article body; `boilerplate`: template text inside the body; `chrome`: header, nav, sidebar, footer, banner. */
  role: SentenceRole;
  /** Block (paragraph or list item) of the article body, from 0; absent for the title and chrome. */
  p?: number;
  /** The true language when the text is in one language. */
  lang?: string;
  /** Otherwise what it is. */
  noise?: NoiseKind;
  /** The language the noise was made from (mojibake, homoglyphs or keywords of X; a Devanagari language in a legacy font). */
  from?: string;
  /** Code-switching: the languages mixed and their share of the sentence's code points. */
  langs?: Array<[string, number]>;
}

export interface TruthRow {
  /** WARC-Record-ID of the response record = `Doc.id`. */
  id: string;
  /** WARC-Target-URI = `Doc.url`. */
  url: string;
  /** WARC file name inside the crawl folder, and the byte offset of the record's gzip member (= `RawDocument.offset`). */
  file: string;
  offset: number;
  /** The language the page claims to be in: the tag behind its URL, `<html lang>` and Content-Language. */
  about: string;
  claims: { htmlLang: string | null; urlLang: string; contentLanguage: string | null };
  kind: PageKind;
  /** Variant of the kind: the mojibake charset, `legacy-font`/`homoglyph`, `mirror`/`edited`, `title-only`/`one-sentence`. */
  flavor?: string;
  /** True language of the main text (title + body, boilerplate left out), or null when most of it is noise. */
  lang: string | null;
  noise: NoiseKind | null;
  /** For near duplicates: the page this one copies. */
  nearDuplicateOf?: { id: string; url: string };
  /** Language of the site's chrome. */
  chromeLang: string;
  sentences: TruthSentence[];
}

/** Text as the pipeline leaves it: HTML whitespace (NBSP included) collapsed, then crawl.normalize (NFC, controls removed). */
export function truthText(text: string): string {
  return normalizeText(text.replace(/[\t\n\f\r \u00a0]+/g, ' ')).text;
}

export async function readTruth(path: string): Promise<Map<string, TruthRow>> {
  const rows = new Map<string, TruthRow>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let row: TruthRow;
    try {
      row = JSON.parse(line) as TruthRow;
    } catch (error) {
      throw new Error(`${path}:${n}: not JSON (${(error as Error).message})`);
    }
    if (typeof row.id !== 'string' || !Array.isArray(row.sentences)) throw new Error(`${path}:${n}: not a truth row (no id or sentences)`);
    rows.set(row.id, row);
  }
  return rows;
}

export interface TextLabel {
  role: SentenceRole;
  lang?: string;
  noise?: NoiseKind;
  /** `exact`: a whole truth sentence; `part`: inside one; `spans`: covers several (labelled by the longest) or cuts across two (labelled by the larger piece). */
  match: 'exact' | 'part' | 'spans';
}

const labelOf = (s: TruthSentence, match: TextLabel['match']): TextLabel => ({
  role: s.role,
  ...(s.lang === undefined ? {} : { lang: s.lang }),
  ...(s.noise === undefined ? {} : { noise: s.noise }),
  match,
});

/** The truth for a piece of the document's text (a sentence or paragraph of corpus output); undefined when the page never showed it. */
export function labelText(row: TruthRow, text: string): TextLabel | undefined {
  const wanted = truthText(text);
  if (wanted === '') return undefined;
  const exact = row.sentences.find((s) => s.text === wanted);
  if (exact) return labelOf(exact, 'exact');
  const within = row.sentences.find((s) => s.text.includes(wanted));
  if (within) return labelOf(within, 'part');
  let longest: TruthSentence | undefined;
  for (const s of row.sentences) {
    if (wanted.includes(s.text) && (!longest || s.text.length > longest.text.length)) longest = s;
  }
  if (longest) return labelOf(longest, 'spans');
  // Cut across a boundary: the end of one truth sentence and the start of the next.
  let best: TruthSentence | undefined;
  let bestOverlap = 0;
  for (const s of row.sentences) {
    const overlap = Math.max(suffixPrefixOverlap(s.text, wanted), suffixPrefixOverlap(wanted, s.text));
    if (overlap > bestOverlap) [best, bestOverlap] = [s, overlap];
  }
  return best && bestOverlap >= Math.min(MIN_OVERLAP, wanted.length) ? labelOf(best, 'spans') : undefined;
}

/** Shorter shared edges are chance ("a ", ". "), not a cut sentence. */
const MIN_OVERLAP = 8;

/** Length of the longest suffix of `a` that is a prefix of `b`, found through `b`'s first MIN_OVERLAP units. */
function suffixPrefixOverlap(a: string, b: string): number {
  const probe = b.slice(0, MIN_OVERLAP);
  if (probe.length < MIN_OVERLAP) return 0;
  for (let at = a.indexOf(probe); at >= 0; at = a.indexOf(probe, at + 1)) {
    if (b.startsWith(a.slice(at))) return a.length - at;
  }
  return 0;
}
