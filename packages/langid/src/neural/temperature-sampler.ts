/**
 * Draws training examples language by language with p(l) ∝ n_l^(1/T) (the seed package's temperatureShares,
 * T≈3 in the paper's line of work), then uniformly within the language: each batch is temperature-sampled,
 * so no resampled copy of the corpus is materialised and small languages are not repeated in blocks.
 */
import { temperatureShares } from '../seed/temperature.js';

export function temperatureSampler<T>(items: readonly T[], groupOf: (item: T) => string, temperature: number, random: () => number): () => T {
  if (items.length === 0) throw new Error('nothing to sample from');
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const shares = temperatureShares(Object.fromEntries([...groups].map(([key, list]) => [key, list.length])), temperature);
  const lists = [...groups.values()];
  const cumulative: number[] = [];
  let total = 0;
  for (const key of groups.keys()) cumulative.push((total += shares[key] ?? 0));
  return () => {
    const u = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) > u) high = middle;
      else low = middle + 1;
    }
    const list = lists[low] as T[];
    return list[Math.floor(random() * list.length)] as T;
  };
}
