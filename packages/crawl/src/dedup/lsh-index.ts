import { fmix32, imul, murmurStep } from './hash64.js';
import { Hash64Table } from './hash64-table.js';

/**
 * Locality-sensitive hashing over MinHash signatures: a signature is cut into `bands` bands of
 * `rows` values, and two documents are candidates when any band is identical, which happens with
 * probability 1 − (1 − s^rows)^bands for Jaccard similarity s (Leskovec, Rajaraman & Ullman,
 * Mining of Massive Datasets §3.4). All bands share one 64-bit-keyed table (band index mixed into
 * the key); the first document to show a band keeps it.
 *
 * To report the similarity of a match, the low 8 bits of every MinHash value are kept per document
 * (b-bit minwise hashing, Li & König 2010): equal low bytes have probability J + (1 − J)/256, which
 * is inverted in `estimateJaccard`. That costs bands × rows bytes per document; with the band
 * table, 14 × 8 comes to ~600–900 bytes per document (~90 MB per million documents, measured in
 * bench/crawl/text.js).
 */
export class LshIndex {
  private readonly table = new Hash64Table({ values: true, initialCapacity: 4096 });
  private sketches: Uint8Array;
  private documents = 0;

  constructor(
    readonly bands: number,
    readonly rows: number,
  ) {
    this.sketches = new Uint8Array(1024 * bands * rows);
  }

  get byteLength(): number {
    return this.table.byteLength + this.documents * this.bands * this.rows;
  }

  private bandKey(signature: Int32Array, band: number): [number, number] {
    let hi = 0x3c6ef372 ^ band;
    let lo = 0xa54ff53a ^ imul(band, 0x9e3779b1);
    for (let r = band * this.rows, end = r + this.rows; r < end; r++) {
      hi = murmurStep(hi, signature[r]!);
      lo = murmurStep(lo, signature[r]! ^ 0x5bd1e995);
    }
    return [fmix32(hi ^ this.rows), fmix32(lo + this.rows)];
  }

  /** Documents (by insertion index) sharing at least one band with `signature`, in order of first shared band. */
  candidates(signature: Int32Array): number[] {
    const found: number[] = [];
    for (let band = 0; band < this.bands; band++) {
      const [hi, lo] = this.bandKey(signature, band);
      const document = this.table.get(hi, lo);
      if (document >= 0 && !found.includes(document)) found.push(document);
    }
    return found;
  }

  /** Adds a signature; returns its document index. */
  insert(signature: Int32Array): number {
    const document = this.documents;
    for (let band = 0; band < this.bands; band++) {
      const [hi, lo] = this.bandKey(signature, band);
      this.table.add(hi, lo, document);
    }
    const width = this.bands * this.rows;
    if ((document + 1) * width > this.sketches.length) {
      const grown = new Uint8Array(this.sketches.length * 2);
      grown.set(this.sketches);
      this.sketches = grown;
    }
    for (let p = 0; p < width; p++) this.sketches[document * width + p] = signature[p]! & 0xff;
    this.documents += 1;
    return document;
  }

  /** Estimated Jaccard similarity between `signature` and an indexed document. */
  estimateJaccard(signature: Int32Array, document: number): number {
    const width = this.bands * this.rows;
    const offset = document * width;
    let equal = 0;
    for (let p = 0; p < width; p++) if (this.sketches[offset + p] === (signature[p]! & 0xff)) equal++;
    const chance = 1 / 256;
    return Math.min(1, Math.max(0, (equal / width - chance) / (1 - chance)));
  }
}
