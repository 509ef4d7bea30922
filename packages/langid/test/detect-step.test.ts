import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, silentLogger, Stats, UND, type Doc, type StepContext } from '@ntl/core';
import { detectStep } from '../src/detect/detect-step.js';
import { loadLangIdModel } from '../src/model/model-folder.js';

const shipped = join(fileURLToPath(new URL('../../../', import.meta.url)), 'models', 'langid-udhr');

function context(stats: Stats): StepContext {
  return { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log: silentLogger, inputs: [], outputDir: '/tmp', progress: () => undefined };
}

async function run(docs: Doc[], options: Record<string, unknown>): Promise<{ docs: Doc[]; stats: Stats }> {
  const stats = new Stats();
  const step = detectStep.create(parseOptions(detectStep.options, options));
  async function* input(): AsyncIterable<Doc> {
    yield* docs;
  }
  const out: Doc[] = [];
  for await (const doc of step(input(), context(stats))) out.push(doc);
  return { docs: out, stats };
}

const swahili = 'Watu wote wamezaliwa huru, hadhi na haki zao ni sawa. Wote wamejaliwa akili na dhamiri, hivyo yapasa watendeane kindugu. Menu: Home.';
const doc = (id: string, text: string, extra: Partial<Doc> = {}): Doc => ({ id, text, source: { path: 'test.jsonl', record: 0 }, meta: {}, ...extra });

describe('langid.detect step', () => {
  it('fills lang from sentence evidence and labels existing segments', async () => {
    const segments = [
      { start: 0, end: 54 },
      { start: 55, end: 122 },
      { start: 123, end: 134 },
    ];
    const { docs, stats } = await run(
      [doc('sw', swahili, { segments }), doc('emoji', '😀 👍 2024'), doc('dropped', 'All human beings are born free.', { drop: { filter: 'x', reason: 'y' } })],
      { model: shipped, top: 2 },
    );
    expect(docs.map((d) => d.id)).toEqual(['sw', 'emoji', 'dropped']);
    const [sw, emoji, dropped] = docs;
    expect(sw?.lang?.tag).toBe('swh_Latn');
    expect(sw?.lang?.top).toHaveLength(2);
    // Each segment carries its own sentence prediction (per-language thresholds included).
    const model = await loadLangIdModel(shipped);
    const sentences = model.predict(segments.map(({ start, end }) => swahili.slice(start, end)));
    model.dispose();
    expect(sw?.segments?.map((s) => [s.lang, s.score])).toEqual(sentences.map((p) => [p.tag, p.score]));
    expect(sw?.segments?.[0]?.lang).toBe('swh_Latn');
    expect(sw?.segments?.map(({ start, end }) => [start, end])).toEqual(segments.map(({ start, end }) => [start, end]));
    expect(emoji?.lang).toEqual({ tag: UND, score: 1, top: [], reason: 'no-letters' });
    expect(emoji?.segments).toBeUndefined();
    expect(dropped?.lang).toBeUndefined();
    expect(stats.counters).toMatchObject({
      // The dropped document passes through uncounted.
      'langid.detect.docs_in': 2,
      'langid.detect.docs_out': 2,
      'langid.detect.docs.swh_Latn': 1,
      'langid.detect.docs.und_Zyyy': 1,
      'langid.detect.und.no-letters': 1,
    });
  });

  it('creates sentence segments at level "sentence" and applies minScore', async () => {
    const { docs } = await run([doc('sw', swahili)], { model: shipped, level: 'sentence', minScore: 0.999999 });
    const [sw] = docs;
    expect(sw?.segments?.map(({ start, end }) => swahili.slice(start, end))).toEqual([
      'Watu wote wamezaliwa huru, hadhi na haki zao ni sawa.',
      'Wote wamejaliwa akili na dhamiri, hivyo yapasa watendeane kindugu.',
      'Menu: Home.',
    ]);
    expect(sw?.lang).toMatchObject({ tag: UND, reason: 'below-min-score' });
    expect(sw?.segments?.map((s) => s.lang)).toEqual([UND, UND, UND]);
  });

  it('fails with the model folder’s error when the model is missing', async () => {
    await expect(run([doc('a', 'text')], { model: '/nonexistent/langid-full' })).rejects.toThrow('/nonexistent/langid-full/model.json is missing: run `ntl langid train --preset full`');
  });
});
