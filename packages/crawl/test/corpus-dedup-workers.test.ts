import { RunOutputError } from '@ntl/core';
import { balance, replyError } from '../src/dedup/corpus-dedup-workers.js';

test('balance gives every key to one group, heaviest first, each to the lightest group', () => {
  const items: Array<[string, number]> = [['eng', 90], ['fra', 50], ['deu', 40], ['hau', 10], ['yor', 5], ['zul', 5]];
  const groups = balance(items, 2);
  expect(groups).toEqual([['eng', 'hau'], ['fra', 'deu', 'yor', 'zul']]);
  const weight = (keys: string[]) => keys.reduce((sum, key) => sum + (items.find(([name]) => name === key)?.[1] ?? 0), 0);
  expect(groups.map(weight)).toEqual([100, 100]);
});

test('balance makes no more groups than keys', () => {
  expect(balance([['eng', 1]], 8)).toEqual([['eng']]);
  expect(balance([], 4)).toEqual([]);
});

test("a worker's damaged-file error stays a RunOutputError naming the file", () => {
  const error = replyError({ type: 'failed', name: 'RunOutputError', message: '/run/corpus/eng_Latn/part-00000.jsonl.gz:3: not JSON', path: '/run/corpus/eng_Latn/part-00000.jsonl.gz' });
  expect(error).toBeInstanceOf(RunOutputError);
  expect((error as RunOutputError).path).toBe('/run/corpus/eng_Latn/part-00000.jsonl.gz');
  const other = replyError({ type: 'failed', name: 'Error', message: 'boom' });
  expect(other).not.toBeInstanceOf(RunOutputError);
  expect(other.message).toBe('boom');
});
