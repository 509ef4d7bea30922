/**
 * N-gram counting on dense integer ids instead of string keys (sacrebleu builds a `Counter` of
 * substrings or token tuples per order). Symbols of one segment (its hypothesis and references)
 * get ids 0..k-1; an n-gram's id is the id of (its (n-1)-gram prefix, last symbol), assigned in
 * order of appearance, so equal n-grams have equal ids and no key ever exceeds (positions)².
 */

/**
 * Dense ids for non-negative integer keys below 2^53: an open-addressing hash table that is
 * cleared in O(1) (a generation stamp per slot), reused across segments. A `Map` was the
 * bottleneck of chrF.
 */
export class IdTable {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private generation = 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  private slot(key: number): number {
    let h: number;
    if (key < 2147483648) {
      h = Math.imul(key, 0x9e3779b1);
    } else {
      const hi = Math.floor(key / 4294967296);
      h = Math.imul((key - hi * 4294967296) ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    }
    h ^= h >>> 15;
    const mask = this.keys.length - 1;
    let s = h & mask;
    while (this.stamps[s] === this.generation && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }

  /** The id of `key`, assigning the next one if it is new. */
  id(key: number): number {
    let s = this.slot(key);
    if (this.stamps[s] === this.generation) return this.values[s] as number;
    if (2 * (this.count + 1) > this.keys.length) {
      this.grow();
      s = this.slot(key);
    }
    this.stamps[s] = this.generation;
    this.keys[s] = key;
    this.values[s] = this.count;
    return this.count++;
  }

  private grow(): void {
    const { keys, values, stamps, generation } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size);
    this.stamps = new Uint32Array(size);
    this.generation = 1;
    for (let s = 0; s < keys.length; s++) {
      if (stamps[s] !== generation) continue;
      const t = this.slot(keys[s] as number);
      this.stamps[t] = 1;
      this.keys[t] = keys[s] as number;
      this.values[t] = values[s] as number;
    }
  }
}

/** Ids of the n-grams of every sequence, for orders 1..maxOrder, and the number of ids per order. */
export interface NgramIds {
  /** `ids[n - 1][k][i]`: id of the n-gram starting at position i of sequence k. */
  readonly ids: Int32Array[][];
  readonly sizes: number[];
}

/** N-gram ids of sequences of symbol ids in [0, alphabetSize). */
export function ngramIds(seqs: readonly Int32Array[], maxOrder: number, alphabetSize: number, table: IdTable): NgramIds {
  const ids: Int32Array[][] = [seqs.slice()];
  const sizes = [alphabetSize];
  for (let n = 2; n <= maxOrder; n++) {
    const prev = ids[n - 2] as Int32Array[];
    table.clear();
    ids.push(
      seqs.map((symbols, k) => {
        const prefix = prev[k] as Int32Array;
        const out = new Int32Array(Math.max(0, symbols.length - n + 1));
        for (let i = 0; i < out.length; i++) out[i] = table.id((prefix[i] as number) * alphabetSize + (symbols[i + n - 1] as number));
        return out;
      }),
    );
    sizes.push(table.size);
  }
  return { ids, sizes };
}

/** Symbol ids of code points (via `table`, cleared first), shared across the strings given. */
export function codePointIds(texts: readonly string[], table: IdTable): Int32Array[] {
  table.clear();
  return texts.map((t) => {
    const out = new Int32Array(t.length);
    let n = 0;
    for (let i = 0; i < t.length; i++) {
      const cp = t.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      out[n++] = table.id(cp);
    }
    return out.slice(0, n);
  });
}

/** Symbol ids of tokens, shared across the token lists given. */
export function tokenIds(lists: readonly string[][]): { seqs: Int32Array[]; size: number } {
  const ids = new Map<string, number>();
  const seqs = lists.map((tokens) =>
    Int32Array.from(tokens, (t) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    }),
  );
  return { seqs, size: ids.size };
}

/** Occurrences of each id. */
export function countIds(ids: Int32Array, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    counts[id] = (counts[id] as number) + 1;
  }
  return counts;
}

/** Σ over n-grams of min(count in `hyp`, `refCounts`): the k-th occurrence matches if the reference has k. */
export function clippedMatches(hyp: Int32Array, refCounts: Int32Array): number {
  const seen = new Int32Array(refCounts.length);
  let matches = 0;
  for (let i = 0; i < hyp.length; i++) {
    const id = hyp[i] as number;
    const k = seen[id] as number;
    if (k < (refCounts[id] as number)) matches++;
    seen[id] = k + 1;
  }
  return matches;
}
