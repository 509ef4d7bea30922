import type { LabeledText } from '../src/seed/labeled-text.js';
import { splitByDocument } from '../src/seed/split.js';
import { temperatureSample, temperatureShares, temperatureTargets } from '../src/seed/temperature.js';

function corpus(counts: Record<string, number>): LabeledText[] {
  return Object.entries(counts).flatMap(([tag, n]) =>
    Array.from({ length: n }, (_, i) => ({ tag, text: `${tag} ${i}`, docId: `${tag}:${Math.floor(i / 3)}`, source: 'test' })),
  );
}

describe('held-out split by document', () => {
  const items = corpus({ a: 600, b: 300, c: 90 });

  it('never puts one docId on both sides, and repeats exactly for a seed', () => {
    const { train, heldOut } = splitByDocument(items, { heldOutFraction: 0.2, seed: 7 });
    const trainDocs = new Set(train.map((t) => t.docId));
    expect(heldOut.filter((t) => trainDocs.has(t.docId))).toEqual([]);
    expect(train.length + heldOut.length).toBe(items.length);
    expect(splitByDocument(items, { heldOutFraction: 0.2, seed: 7 }).heldOut).toEqual(heldOut);
    const otherSeed = splitByDocument(items, { heldOutFraction: 0.2, seed: 8 }).heldOut;
    expect(otherSeed.map((t) => t.docId)).not.toEqual(heldOut.map((t) => t.docId));
    // 330 documents; the hash holds out close to a fifth of them.
    const heldDocs = new Set(heldOut.map((t) => t.docId)).size;
    expect(heldDocs).toBeGreaterThan(45);
    expect(heldDocs).toBeLessThan(90);
  });

  it('holds out nothing at 0 and everything at 1, and rejects other fractions', () => {
    expect(splitByDocument(items, { heldOutFraction: 0 }).heldOut).toHaveLength(0);
    expect(splitByDocument(items, { heldOutFraction: 1 }).train).toHaveLength(0);
    expect(() => splitByDocument(items, { heldOutFraction: 1.5 })).toThrow(/heldOutFraction/);
  });
});

describe('temperature sampling', () => {
  const counts = { a: 1000, b: 100, c: 10 };

  it('keeps natural proportions at T=1 and flattens them at T=3', () => {
    const natural = temperatureShares(counts, 1);
    expect(natural['a']).toBeCloseTo(1000 / 1110, 12);
    expect(natural['c']).toBeCloseTo(10 / 1110, 12);
    const flat = temperatureShares(counts, 3);
    // p ∝ n^(1/3): 10, 4.6416, 2.1544 over their sum 16.7960.
    expect(flat['a']).toBeCloseTo(0.595379, 6);
    expect(flat['b']).toBeCloseTo(0.27635, 5);
    expect(flat['c']).toBeCloseTo(0.128271, 6);
    expect(temperatureTargets(counts, { temperature: 1 })).toEqual({ a: 1000, b: 100, c: 10 });
    expect(temperatureTargets(counts, { temperature: 3 })).toEqual({ a: 661, b: 307, c: 142 });
    expect(temperatureTargets(counts, { temperature: 3, maxRepeat: 5 })).toEqual({ a: 661, b: 307, c: 50 });
    expect(temperatureTargets(counts, { temperature: 3, total: 300 })).toEqual({ a: 179, b: 83, c: 38 });
  });

  it('upsamples small languages by repetition and caps big ones without replacement', () => {
    const sample = temperatureSample(corpus(counts), { temperature: 3, seed: 3 });
    const byTag = (tag: string): LabeledText[] => sample.filter((t) => t.tag === tag);
    expect(byTag('a')).toHaveLength(661);
    expect(new Set(byTag('a').map((t) => t.text)).size).toBe(661);
    expect(byTag('b')).toHaveLength(307);
    expect(byTag('c')).toHaveLength(142);
    // 142 = 14 full copies of the 10 texts + 2 more.
    const copies = new Map<string, number>();
    for (const t of byTag('c')) copies.set(t.text, (copies.get(t.text) ?? 0) + 1);
    expect([...copies.values()].sort()).toEqual([14, 14, 14, 14, 14, 14, 14, 14, 15, 15]);
    expect(temperatureSample(corpus(counts), { temperature: 3, seed: 3 })).toEqual(sample);
  });
});
