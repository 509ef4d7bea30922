import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Lines of a UTF-8 text file with 1-based numbers, streamed (seed files can be large); `\r\n` is accepted. */
export async function* readLines(path: string): AsyncIterable<{ line: string; number: number }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) yield { line: number === 0 ? line.replace(/^\uFEFF/, '') : line, number: ++number };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}
