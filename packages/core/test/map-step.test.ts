import { Stats, mapStep, silentLogger, type Doc, type StepContext } from '@ntl/core';

const doc = (id: string, extra: Partial<Doc> = {}): Doc => ({ id, text: id, source: { path: 'x' }, meta: {}, ...extra });

async function run(docs: Doc[]): Promise<{ out: Doc[]; stats: Stats; seen: string[] }> {
  const stats = new Stats();
  const seen: string[] = [];
  const ctx: StepContext = { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log: silentLogger, inputs: [], outputDir: '/tmp', progress: () => undefined };
  const step = mapStep('t', (item) => {
    seen.push(item.id);
    if (item.id === 'discard') return null;
    if (item.id === 'mark') return { ...item, drop: { filter: 't', reason: 'r' } };
    return item;
  });
  const out: Doc[] = [];
  for await (const item of step((async function* () { yield* docs; })(), ctx)) out.push(item);
  return { out, stats, seen };
}

test('earlier drops pass through uncounted; marks and discards are not counted out', async () => {
  const earlier = doc('earlier', { drop: { filter: 'x', reason: 'y' } });
  const { out, stats, seen } = await run([earlier, doc('keep'), doc('mark'), doc('discard')]);
  expect(seen).toEqual(['keep', 'mark', 'discard']);
  expect(out.map((item) => item.id)).toEqual(['earlier', 'keep', 'mark']);
  expect(stats.counters).toEqual({ 't.docs_in': 3, 't.docs_out': 1 });
  expect(stats.timings['t']?.calls).toBe(3);
});
