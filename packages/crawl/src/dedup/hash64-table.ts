/**
 * An open-addressing hash table keyed by 64-bit fingerprints held in typed arrays: 9 bytes per
 * slot (two Uint32 halves and a used flag; 13 with Int32 values), no per-entry objects, no GC work.
 * Linear probing, doubled when more than half full, so a key costs 18–36 bytes: a million
 * paragraph keys fit in 2^21 slots = 18.9 MB. A `Set<number>` can hold only 53 bits of the hash
 * and measured ~42 MB per million entries (bench/crawl/text.js); a `Set<bigint>` costs more still.
 */
export class Hash64Table {
  private his: Uint32Array;
  private los: Uint32Array;
  private values: Int32Array | null;
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(options: { values: boolean; initialCapacity?: number }) {
    const capacity = 1 << Math.max(4, Math.ceil(Math.log2(options.initialCapacity ?? 1024)));
    this.his = new Uint32Array(capacity);
    this.los = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.values = options.values ? new Int32Array(capacity) : null;
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays (they live outside the JS heap, in `arrayBuffers`). */
  get byteLength(): number {
    return this.his.byteLength + this.los.byteLength + this.used.byteLength + (this.values?.byteLength ?? 0);
  }

  private slotOf(hi: number, lo: number): number {
    const his = this.his;
    const los = this.los;
    const used = this.used;
    const h = hi >>> 0;
    const l = lo >>> 0;
    let slot = l & this.mask;
    while (used[slot] === 1 && (his[slot] !== h || los[slot] !== l)) slot = (slot + 1) & this.mask;
    return slot;
  }

  has(hi: number, lo: number): boolean {
    return this.used[this.slotOf(hi, lo)] === 1;
  }

  /** The value stored for the key, or -1. */
  get(hi: number, lo: number): number {
    const slot = this.slotOf(hi, lo);
    return this.used[slot] === 1 ? (this.values?.[slot] ?? 0) : -1;
  }

  /** Inserts the key unless present. Returns true if it was new; an existing value is never replaced. */
  add(hi: number, lo: number, value = 0): boolean {
    const slot = this.slotOf(hi, lo);
    if (this.used[slot] === 1) return false;
    this.used[slot] = 1;
    this.his[slot] = hi;
    this.los[slot] = lo;
    if (this.values) this.values[slot] = value;
    this.count += 1;
    if (this.count * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const { his, los, used, values } = this;
    const capacity = (this.mask + 1) * 2;
    this.his = new Uint32Array(capacity);
    this.los = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.values = values ? new Int32Array(capacity) : null;
    this.mask = capacity - 1;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] !== 1) continue;
      const target = this.slotOf(his[slot]!, los[slot]!);
      this.used[target] = 1;
      this.his[target] = his[slot]!;
      this.los[target] = los[slot]!;
      if (this.values && values) this.values[target] = values[slot]!;
    }
  }
}
