import { type Hash64, combineHash64 } from './hash64.js';
import { Hash64Table } from './hash64-table.js';
import { paragraphFingerprint } from './dedup-key.js';

export interface ParagraphDedupResult {
  /** Paragraphs kept, in order. */
  kept: string[];
  /** How many paragraphs were removed as repeats of earlier ones. */
  removed: number;
}

/**
 * Exact deduplication over one shard, first occurrence wins: whole documents by the fingerprint of
 * their paragraph keys, and single paragraphs by their key (dedup-key.ts). State lives in this
 * object, so dedup is per process; cross-shard dedup needs the fingerprints merged elsewhere.
 */
export class ExactDeduplicator {
  private readonly paragraphs = new Hash64Table({ values: false });
  private readonly documents = new Hash64Table({ values: true });
  private readonly documentIds: string[] = [];

  /** Fingerprints of each paragraph (null for paragraphs with an empty key). */
  fingerprints(paragraphs: readonly string[]): Array<Hash64 | null> {
    return paragraphs.map(paragraphFingerprint);
  }

  /** The id of an earlier document with the same paragraph keys; otherwise remembers this one and returns undefined. */
  earlierDocument(id: string, fingerprints: ReadonlyArray<Hash64 | null>): string | undefined {
    let document: Hash64 = { hi: 0x6a09e667, lo: fingerprints.length };
    for (const fingerprint of fingerprints) if (fingerprint) document = combineHash64(document, fingerprint);
    const earlier = this.documents.get(document.hi, document.lo);
    if (earlier >= 0) return this.documentIds[earlier];
    this.documents.add(document.hi, document.lo, this.documentIds.length);
    this.documentIds.push(id);
    return undefined;
  }

  /** Drops paragraphs whose key was seen before (in this or an earlier document) and remembers the new ones. */
  removeSeenParagraphs(paragraphs: readonly string[], fingerprints: ReadonlyArray<Hash64 | null>): ParagraphDedupResult {
    const kept: string[] = [];
    paragraphs.forEach((paragraph, i) => {
      const fingerprint = fingerprints[i];
      if (!fingerprint || this.paragraphs.add(fingerprint.hi, fingerprint.lo)) kept.push(paragraph);
    });
    return { kept, removed: paragraphs.length - kept.length };
  }

  get paragraphCount(): number {
    return this.paragraphs.size;
  }

  get byteLength(): number {
    return this.paragraphs.byteLength + this.documents.byteLength;
  }
}
