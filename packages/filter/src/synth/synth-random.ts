/**
 * Seeded randomness for the synthetic crawl. Every choice comes from a stream keyed by (seed, purpose):
 * `fork('page|hau_Latn|3')` gives the same numbers whatever else was drawn before, so adding a language
 * or a page kind does not reshuffle the pages of the others. The generator is sfc32 (Chris Doty-Humphrey's
 * Small Fast Counting generator, PractRand-tested), its 128-bit state taken from SHA-256 of the key.
 */
import { createHash } from 'node:crypto';

export class SynthRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    readonly seed: number,
    readonly key = '',
  ) {
    const state = createHash('sha256').update(`ntl-synth-crawl|${seed}|${key}`).digest();
    this.a = state.readUInt32LE(0);
    this.b = state.readUInt32LE(4);
    this.c = state.readUInt32LE(8);
    this.d = state.readUInt32LE(12);
    // sfc32's authors discard the first outputs so a weak seed state cannot show through.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** An independent stream for one purpose. */
  fork(key: string): SynthRandom {
    return new SynthRandom(this.seed, this.key === '' ? key : `${this.key}|${key}`);
  }

  /** A uniform value in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Fisher–Yates on a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** A 32-bit unsigned integer (for ids and gaps). */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}
