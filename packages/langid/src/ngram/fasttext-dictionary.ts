/**
 * fastText's Dictionary at prediction time (src/dictionary.cc, as fasttext.wasm.js 1.0.0 builds it):
 * which input-matrix rows a line of text sums. Works on UTF-8 bytes, as fastText does, without a string per
 * word or n-gram:
 * - tokens are split on the bytes ' ', \n, \r, \t, \v, \f and \0; a line ends at its first \n with the
 *   end-of-sentence token `</s>` (a literal `</s>` token also ends it);
 * - a token in the vocabulary contributes its own row, then its subwords; an unknown token only its subwords;
 *   a token that starts with `__label__` and is not a word contributes nothing;
 * - subwords are the character n-grams, minn ≤ n ≤ maxn characters (UTF-8 sequences), of `<token>`, except
 *   the lone `<` and `>`; none for `</s>`;
 * - each n-gram is hashed with FNV-1a over its bytes, each byte sign-extended first (fastText's `int8_t`
 *   quirk, kept for compatibility with released models), to bucket `hash % bucket`, row `nwords + bucket`;
 * - a model quantized with a cutoff keeps only some buckets (its prune index maps them to rows); an empty
 *   prune index means no n-gram rows at all;
 * - with wordNgrams > 1, hashes of runs of up to wordNgrams tokens follow all subwords (64-bit arithmetic as
 *   in Dictionary::addWordNgrams).
 */
import { ENTRY_LABEL, FastTextFormatError, SUPERVISED_MODEL, type FastTextModelFile } from './fasttext-format.js';

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
/** Dictionary::addWordNgrams' multiplier. */
const WORD_NGRAM_PRIME = 116049371n;
const UINT64 = (1n << 64n) - 1n;
const BOW = 0x3c; // '<'
const EOW = 0x3e; // '>'
const NEWLINE = 0x0a;
const EOS = new TextEncoder().encode('</s>');
const LABEL = new TextEncoder().encode('__label__');

/** Dictionary::readWord's separators: ' ', \n, \r, \t, \v, \f, \0. */
const SEPARATOR = new Uint8Array(256);
for (const byte of [0x20, 0x0a, 0x0d, 0x09, 0x0b, 0x0c, 0x00]) SEPARATOR[byte] = 1;

/**
 * h % bucket for a 32-bit unsigned hash h given as any 32-bit pattern (C++ `uint32_t % int`), in integer
 * arithmetic: JavaScript's % on a number above 2^31 − 1 is a float modulo, several times slower.
 */
function bucketOf(h: number, bucket: number): number {
  return ((((h >>> 1) % bucket) * 2) + (h & 1)) % bucket;
}

/** Dictionary::hash over bytes[start, end): FNV-1a 32-bit with each byte sign-extended as int8 before the xor. */
export function fastTextHash(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ ((bytes[i]! << 24) >> 24), FNV_PRIME);
  return h >>> 0;
}

/** A growable int32 list reused across lines. */
export class IdList {
  ids = new Int32Array(256);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) this.reserve(1);
    this.ids[this.length++] = id;
  }

  /** Makes room for `more` ids after the current ones. */
  reserve(more: number): void {
    if (this.length + more <= this.ids.length) return;
    const grown = new Int32Array(Math.max(this.ids.length * 2, this.length + more));
    grown.set(this.ids);
    this.ids = grown;
  }
}

function startsWith(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
  return true;
}

export class FastTextDictionary {
  readonly nwords: number;
  readonly nlabels: number;
  private readonly minn: number;
  private readonly maxn: number;
  private readonly bucket: number;
  private readonly wordNgrams: number;
  /** All entries' bytes back to back; entry i is wordBytes[wordStart[i], wordStart[i + 1]). */
  private readonly wordBytes: Uint8Array;
  private readonly wordStart: Int32Array;
  private readonly labelEntry: Uint8Array;
  /**
   * Open-addressing table by fastText hash: slot s holds the entry id at 2s (−1: empty) and its hash at 2s + 1,
   * so probing past other words needs no look at their bytes.
   */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  /** Pruned models: bucket → input row, −1 when the bucket was dropped. Undefined: row = nwords + bucket. */
  private readonly bucketRow: Int32Array | undefined;
  /** A prune index of size 0: the model has no n-gram rows (Dictionary::pushHash). */
  private readonly noNgrams: boolean;
  /**
   * Rows of each vocabulary word (its own, then its subwords), as Dictionary::initNgrams precomputes them, but
   * computed on a word's first occurrence: subwordRows[subwordStart[id], subwordEnd[id]), start −1 until then.
   */
  private readonly subwordStart: Int32Array;
  private readonly subwordEnd: Int32Array;
  private readonly subwordRows = new IdList();
  private readonly eosId: number;
  /** `<token>` of the token being split. */
  private wrapped = new Uint8Array(64);
  private readonly tokenHashes = new IdList();

  constructor(model: FastTextModelFile) {
    const { args, dictionary, version } = model;
    this.nwords = dictionary.nwords;
    this.nlabels = dictionary.nlabels;
    this.minn = args.minn;
    // fastText loads version-11 supervised models without character n-grams (FastText::loadModel).
    this.maxn = version === 11 && args.model === SUPERVISED_MODEL ? 0 : args.maxn;
    this.bucket = args.bucket;
    this.wordNgrams = args.wordNgrams;
    const { entries } = dictionary;
    this.wordStart = new Int32Array(entries.length + 1);
    let total = 0;
    entries.forEach((entry, i) => {
      this.wordStart[i] = total;
      total += entry.word.length;
    });
    this.wordStart[entries.length] = total;
    this.wordBytes = new Uint8Array(total);
    this.labelEntry = new Uint8Array(entries.length);
    let size = 1;
    while (size < entries.length * 2) size *= 2;
    this.slots = new Int32Array(2 * size).fill(-1);
    this.slotMask = size - 1;
    entries.forEach((entry, i) => {
      // fastText sorts words before labels; the row of word i is i.
      if ((entry.type === ENTRY_LABEL) !== i >= this.nwords) throw new FastTextFormatError(`dictionary entry ${i} is a ${entry.type === ENTRY_LABEL ? 'label' : 'word'} among the ${i >= this.nwords ? 'labels' : 'words'}`);
      this.wordBytes.set(entry.word, this.wordStart[i]);
      this.labelEntry[i] = entry.type === ENTRY_LABEL ? 1 : 0;
      const h = fastTextHash(entry.word, 0, entry.word.length);
      let slot = h & this.slotMask;
      while (this.slots[2 * slot] !== -1) slot = (slot + 1) & this.slotMask;
      this.slots[2 * slot] = i;
      this.slots[2 * slot + 1] = h | 0;
    });
    // A bucket count of 0 (fastText's choice when maxn = 0 and wordNgrams = 1) leaves no n-gram rows either.
    this.noNgrams = dictionary.pruneIndexSize === 0n || this.bucket <= 0;
    if (dictionary.pruneIndexSize > 0n && !this.noNgrams) {
      this.bucketRow = new Int32Array(this.bucket).fill(-1);
      for (const [bucket, row] of dictionary.pruneIndex) if (bucket >= 0 && bucket < this.bucket) this.bucketRow[bucket] = this.nwords + row;
    }
    this.eosId = this.find(EOS, 0, EOS.length, fastTextHash(EOS, 0, EOS.length));
    this.subwordStart = new Int32Array(this.nwords).fill(-1);
    this.subwordEnd = new Int32Array(this.nwords);
  }

  /** Appends word `id`'s rows to the cache of vocabulary words' rows. */
  private cacheSubwords(id: number): void {
    const rows = this.subwordRows;
    this.subwordStart[id] = rows.length;
    rows.push(id);
    if (id !== this.eosId) this.addSubwords(this.wordBytes, this.wordStart[id]!, this.wordStart[id + 1]!, rows);
    this.subwordEnd[id] = rows.length;
  }

  /** The entry id of bytes[start, end) (hash `h`), or −1. */
  private find(bytes: Uint8Array, start: number, end: number, h: number): number {
    const length = end - start;
    const { slots, slotMask, wordBytes, wordStart } = this;
    const hash = h | 0;
    for (let slot = h & slotMask; ; slot = (slot + 1) & slotMask) {
      const id = slots[2 * slot]!;
      if (id === -1) return -1;
      if (slots[2 * slot + 1] !== hash) continue;
      const from = wordStart[id]!;
      if (wordStart[id + 1]! - from !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (wordBytes[from + i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** Dictionary::pushHash: the row of an n-gram bucket, −1 when the model kept none. */
  private bucketRowOf(bucket: number): number {
    return this.bucketRow === undefined ? this.nwords + bucket : this.bucketRow[bucket]!;
  }

  /** Dictionary::computeSubwords of `<` + bytes[start, end) + `>`, appending the rows the model kept. */
  private addSubwords(bytes: Uint8Array, start: number, end: number, rows: IdList): void {
    const { minn, maxn, bucket, bucketRow, nwords } = this;
    if (this.noNgrams || maxn <= 0) return;
    const length = end - start + 2;
    if (this.wrapped.length < length) this.wrapped = new Uint8Array(length * 2);
    const word = this.wrapped;
    word[0] = BOW;
    for (let i = start; i < end; i++) word[i - start + 1] = bytes[i]!;
    word[length - 1] = EOW;
    // At most maxn n-grams start at each byte.
    rows.reserve(length * maxn);
    const { ids } = rows;
    let write = rows.length;
    for (let i = 0; i < length; i++) {
      if ((word[i]! & 0xc0) === 0x80) continue;
      let h = FNV_OFFSET;
      for (let j = i, n = 1; j < length && n <= maxn; n++) {
        h = Math.imul(h ^ ((word[j++]! << 24) >> 24), FNV_PRIME);
        while (j < length && (word[j]! & 0xc0) === 0x80) h = Math.imul(h ^ ((word[j++]! << 24) >> 24), FNV_PRIME);
        if (n >= minn && !(n === 1 && (i === 0 || j === length))) {
          // bucketRowOf, inlined in this innermost loop.
          const b = bucketOf(h, bucket);
          const row = bucketRow === undefined ? nwords + b : bucketRow[b]!;
          if (row >= 0) ids[write++] = row;
        }
      }
    }
    rows.length = write;
  }

  /**
   * The input rows of one line, `bytes[0, length)` followed by a newline, in fastText's order
   * (Dictionary::getLine as FastText::predictLine calls it). `rows` is cleared first.
   */
  lineRows(bytes: Uint8Array, length: number, rows: IdList): void {
    rows.length = 0;
    const hashes = this.tokenHashes;
    hashes.length = 0;
    let at = 0;
    for (;;) {
      while (at < length && SEPARATOR[bytes[at]!] === 1 && bytes[at] !== NEWLINE) at++;
      const start = at;
      while (at < length && SEPARATOR[bytes[at]!] === 0) at++;
      // At the first newline, or at the end (the appended newline), the next token is `</s>`.
      const eos = start === at;
      const tokenBytes = eos ? EOS : bytes;
      const from = eos ? 0 : start;
      const to = eos ? EOS.length : at;
      const h = fastTextHash(tokenBytes, from, to);
      const id = this.find(tokenBytes, from, to, h);
      const isEos = eos || (to - from === EOS.length && startsWith(tokenBytes, from, to, EOS));
      const isWord = id >= 0 ? this.labelEntry[id] === 0 : !startsWith(tokenBytes, from, to, LABEL);
      if (isWord) {
        if (id >= 0) {
          if (this.subwordStart[id]! < 0) this.cacheSubwords(id);
          const first = this.subwordStart[id]!;
          const end = this.subwordEnd[id]!;
          rows.reserve(end - first);
          const { ids } = rows;
          const cached = this.subwordRows.ids;
          let write = rows.length;
          for (let i = first; i < end; i++) ids[write++] = cached[i]!;
          rows.length = write;
        } else if (!isEos) {
          this.addSubwords(tokenBytes, from, to, rows);
        }
        hashes.push(h | 0);
      }
      if (isEos) break;
    }
    if (this.wordNgrams > 1) this.addWordNgrams(rows);
  }

  /** Dictionary::addWordNgrams: uint64 arithmetic on the int32 token hashes (sign-extended, as in C++). */
  private addWordNgrams(rows: IdList): void {
    if (this.noNgrams) return;
    const { ids, length } = this.tokenHashes;
    const bucket = BigInt(this.bucket);
    for (let i = 0; i < length; i++) {
      let h = BigInt(ids[i]!) & UINT64;
      for (let j = i + 1; j < length && j < i + this.wordNgrams; j++) {
        h = (h * WORD_NGRAM_PRIME + (BigInt(ids[j]!) & UINT64)) & UINT64;
        const row = this.bucketRowOf(Number(h % bucket));
        if (row >= 0) rows.push(row);
      }
    }
  }

  /** Label i's name as stored (with its `__label__` prefix). */
  label(i: number): Uint8Array {
    const id = this.nwords + i;
    return this.wordBytes.subarray(this.wordStart[id], this.wordStart[id + 1]);
  }
}
