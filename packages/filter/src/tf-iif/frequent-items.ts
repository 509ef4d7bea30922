/**
 * Misra–Gries frequent items (Misra & Gries 1982): with `capacity` counters, every item seen more than
 * n/(capacity+1) times in a stream of n is kept. Used for candidates only — counts come from a sketch —
 * so the lower-bound counts it holds do not matter. Amortised O(1) per item: each decrement-all pass
 * removes as many counts as it costs.
 */
export class FrequentItems {
  private readonly counts = new Map<string, number>();

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  add(item: string): void {
    const count = this.counts.get(item);
    if (count !== undefined) {
      this.counts.set(item, count + 1);
    } else if (this.counts.size < this.capacity) {
      this.counts.set(item, 1);
    } else {
      for (const [key, value] of this.counts) {
        if (value <= 1) this.counts.delete(key);
        else this.counts.set(key, value - 1);
      }
    }
  }

  items(): string[] {
    return [...this.counts.keys()];
  }
}
