/**
 * A count-min sketch (Cormode & Muthukrishnan 2005): counts of arbitrarily many keys in `width × depth`
 * counters. An estimate never undercounts and overcounts by at most e/width of the total with probability
 * 1 − e^−depth, so memory stays fixed however large the crawl.
 */
import { hashString } from '../hashing/string-hash.js';

export class CountMinSketch {
  private readonly table: Uint32Array;

  constructor(
    readonly width: number,
    readonly depth: number,
  ) {
    if (!(Number.isInteger(width) && width >= 1 && Number.isInteger(depth) && depth >= 1)) {
      throw new RangeError(`count-min sketch needs a positive integer width and depth, got ${width} × ${depth}`);
    }
    this.table = new Uint32Array(width * depth);
  }

  /** Row indexes by double hashing (Kirsch & Mitzenmacher 2006): two hashes make `depth` of them. */
  private *cells(key: string): Generator<number> {
    const h1 = hashString(key, 1);
    const h2 = hashString(key, 2) | 1;
    for (let row = 0; row < this.depth; row++) yield row * this.width + ((h1 + Math.imul(row, h2)) >>> 0) % this.width;
  }

  add(key: string, amount = 1): void {
    for (const cell of this.cells(key)) this.table[cell] = Math.min(0xffffffff, (this.table[cell] as number) + amount);
  }

  estimate(key: string): number {
    let least = Infinity;
    for (const cell of this.cells(key)) least = Math.min(least, this.table[cell] as number);
    return least;
  }
}
