import { readFileSync } from 'node:fs';
import { defineStep, type Doc } from '@ntl/core';

/** A test-only reader: each line `tag<TAB>text` of each input file becomes one document. */
export const lineReaderStep = defineStep({
  name: 'test.lines',
  description: 'tag<TAB>text lines',
  options: {},
  create: () =>
    async function* (_input, ctx) {
      for (const input of ctx.inputs) {
        const lines = readFileSync(input.path, 'utf8').split('\n').filter(Boolean);
        for (const [record, line] of lines.entries()) {
          const [tag, text] = line.split('\t') as [string, string];
          const doc: Doc = { id: `${input.path}#${record}`, text, source: { path: input.path, record }, meta: {} };
          if (tag !== '-') doc.lang = { tag, score: 1 };
          yield doc;
        }
        ctx.progress(input.size);
      }
    },
});
