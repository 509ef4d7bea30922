/**
 * A small sentence splitter for language ID: paragraphs (line breaks) first, then Unicode sentence
 * boundaries (UAX #29, via ICU's Intl.Segmenter), which know `.?!`, `。`, `।`, `።`, `؟`… Spans are
 * trimmed and whitespace-only pieces dropped.
 */

/** A sentence of `text` as UTF-16 offsets (the Doc `segments` convention). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * V8's segment iterator copies the whole input string into every segment it returns, so a 1 MB line with
 * 100k sentences exhausts the heap (measured: OOM at 4 GB). Long paragraphs are therefore cut into windows of
 * at most this many UTF-16 units, at a space where there is one; a window edge acts as a sentence break.
 */
export const SEGMENTER_WINDOW = 4096;

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
const PARAGRAPH = /[^\n\r\u2028\u2029]+/g;

const SPACE = /\s/;

function trimmed(text: string, start: number, end: number): TextSpan | undefined {
  while (start < end && SPACE.test(text[start] ?? '')) start++;
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : undefined;
}

/** End of the next window: the last space before the limit, else the limit (never inside a surrogate pair). */
function windowEnd(text: string, start: number, end: number): number {
  if (end - start <= SEGMENTER_WINDOW) return end;
  let cut = start + SEGMENTER_WINDOW;
  const space = text.lastIndexOf(' ', cut);
  if (space > start + SEGMENTER_WINDOW / 2) return space + 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Sentences of `text`, in order, as trimmed UTF-16 spans. */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const paragraph of text.matchAll(PARAGRAPH)) {
    const paragraphEnd = paragraph.index + paragraph[0].length;
    for (let start = paragraph.index; start < paragraphEnd; ) {
      const end = windowEnd(text, start, paragraphEnd);
      for (const { index, segment } of segmenter.segment(text.slice(start, end))) {
        const span = trimmed(text, start + index, start + index + segment.length);
        if (span) spans.push(span);
      }
      start = end;
    }
  }
  return spans;
}
