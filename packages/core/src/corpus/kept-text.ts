import type { Doc, DropMark, Segment } from '../doc.js';

export interface KeptText {
  text: string;
  /** Segments of the kept text, re-based onto its offsets. */
  segments: Segment[];
  removed: Array<{ text: string; drop: DropMark; segment: Segment }>;
}

/**
 * Rebuilds a document's text from the segments no filter dropped (ARCHITECTURE §3: what the writer
 * keeps is ready to train on). Kept neighbours keep the gap that preceded them in the original, and a
 * paragraph break between them survives even when the sentences in between were removed.
 */
export function keptText(doc: Doc): KeptText {
  const segments = doc.segments;
  if (!segments?.some((segment) => segment.drop)) return { text: doc.text, segments: segments ?? [], removed: [] };
  const source = doc.text;
  let text = '';
  const kept: Segment[] = [];
  const removed: KeptText['removed'] = [];
  let previousEnd = -1;
  for (const segment of segments) {
    const piece = source.slice(segment.start, segment.end);
    if (segment.drop) {
      removed.push({ text: piece, drop: segment.drop, segment });
      continue;
    }
    if (previousEnd >= 0) {
      const between = source.slice(previousEnd, segment.start);
      if (between.includes('\n')) text += '\n';
      else text += /^\s*$/u.test(between) ? between : (/\s$/u.exec(between)?.[0] ?? '');
    }
    const { drop: _drop, ...rest } = segment;
    kept.push({ ...rest, start: text.length, end: text.length + piece.length });
    text += piece;
    previousEnd = segment.end;
  }
  return { text, segments: kept, removed };
}
