/**
 * The fastText model file format (version 12, as written by fastText 0.9.x `saveModel`; all numbers
 * little-endian): magic, version, Args, Dictionary, input matrix (dense or product-quantized), qout flag,
 * output matrix. Read so a model can be validated before the C++ loader sees it (which aborts on bad input),
 * and written so quantize.ts can produce `.ftz` files, which the wasm build cannot.
 */

export const FASTTEXT_MAGIC = 793712314;
export const FASTTEXT_VERSION = 12;
/** fastText's `model_name::sup`. */
export const SUPERVISED_MODEL = 3;
/** fastText's `entry_type`: words before labels in the dictionary. */
export const ENTRY_WORD = 0;
export const ENTRY_LABEL = 1;

export interface FastTextArgsHeader {
  dim: number;
  ws: number;
  epoch: number;
  minCount: number;
  neg: number;
  wordNgrams: number;
  loss: number;
  model: number;
  bucket: number;
  minn: number;
  maxn: number;
  lrUpdateRate: number;
  t: number;
}

const ARG_INTS = ['dim', 'ws', 'epoch', 'minCount', 'neg', 'wordNgrams', 'loss', 'model', 'bucket', 'minn', 'maxn', 'lrUpdateRate'] as const;

export interface DictionaryEntry {
  /** UTF-8 bytes as stored (fastText hashes bytes, not code points). */
  word: Uint8Array;
  count: bigint;
  type: number;
}

export interface FastTextDictionary {
  nwords: number;
  nlabels: number;
  ntokens: bigint;
  /** -1 when never pruned; otherwise the number of kept n-gram buckets. */
  pruneIndexSize: bigint;
  entries: DictionaryEntry[];
  /** Pruned models: n-gram bucket → row among the kept n-grams. */
  pruneIndex: Array<[number, number]>;
}

export interface DenseMatrix {
  kind: 'dense';
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface ProductQuantizer {
  dim: number;
  nsubq: number;
  dsub: number;
  lastdsub: number;
  /** dim × 256 values: sub-quantizer m's centroid i at m·256·dsub + i·(dsub, or lastdsub for the last one). */
  centroids: Float32Array;
}

export interface QuantMatrix {
  kind: 'quant';
  qnorm: boolean;
  rows: number;
  cols: number;
  /** rows × nsubq centroid indices. */
  codes: Uint8Array;
  pq: ProductQuantizer;
  normCodes?: Uint8Array;
  normPq?: ProductQuantizer;
}

export type FastTextMatrix = DenseMatrix | QuantMatrix;

export interface FastTextModelFile {
  version: number;
  args: FastTextArgsHeader;
  dictionary: FastTextDictionary;
  input: FastTextMatrix;
  qout: boolean;
  output: FastTextMatrix;
}

/** Bytes that are not a fastText model this reader understands; the message says what is wrong. */
export class FastTextFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FastTextFormatError';
  }
}

/** PQ centroid count: codes are bytes. */
const KSUB = 256;

class Reader {
  private offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number, what: string): number {
    if (this.offset + n > this.bytes.length) throw new FastTextFormatError(`truncated file: ${what} needs ${n} bytes at offset ${this.offset}, file has ${this.bytes.length}`);
    const at = this.offset;
    this.offset += n;
    return at;
  }
  int32(what: string): number {
    return this.view.getInt32(this.need(4, what), true);
  }
  int64(what: string): bigint {
    return this.view.getBigInt64(this.need(8, what), true);
  }
  float64(what: string): number {
    return this.view.getFloat64(this.need(8, what), true);
  }
  byte(what: string): number {
    return this.bytes[this.need(1, what)] ?? 0;
  }
  bytesOf(n: number, what: string): Uint8Array {
    const at = this.need(n, what);
    return this.bytes.slice(at, at + n);
  }
  float32s(n: number, what: string): Float32Array {
    const at = this.need(n * 4, what);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.view.getFloat32(at + i * 4, true);
    return out;
  }
  cString(what: string): Uint8Array {
    const end = this.bytes.indexOf(0, this.offset);
    if (end < 0) throw new FastTextFormatError(`truncated file: unterminated ${what}`);
    const word = this.bytes.slice(this.offset, end);
    this.offset = end + 1;
    return word;
  }
  get atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
  get position(): number {
    return this.offset;
  }
}

class Writer {
  private chunks: Uint8Array[] = [];
  private scratch = new DataView(new ArrayBuffer(8));
  private push(n: number): void {
    this.chunks.push(new Uint8Array(this.scratch.buffer.slice(0, n)));
  }
  int32(value: number): void {
    this.scratch.setInt32(0, value, true);
    this.push(4);
  }
  int64(value: bigint): void {
    this.scratch.setBigInt64(0, value, true);
    this.push(8);
  }
  float64(value: number): void {
    this.scratch.setFloat64(0, value, true);
    this.push(8);
  }
  byte(value: number): void {
    this.chunks.push(Uint8Array.of(value));
  }
  bytes(value: Uint8Array): void {
    this.chunks.push(value);
  }
  float32s(values: Float32Array): void {
    const out = new Uint8Array(values.length * 4);
    const view = new DataView(out.buffer);
    values.forEach((value, i) => view.setFloat32(i * 4, value, true));
    this.chunks.push(out);
  }
  finish(): Uint8Array {
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

function checkedSize(value: bigint, limit: number, what: string): number {
  if (value < 0n || value > BigInt(limit)) throw new FastTextFormatError(`implausible ${what}: ${value}`);
  return Number(value);
}

function readPq(reader: Reader): ProductQuantizer {
  const dim = reader.int32('pq dim');
  const nsubq = reader.int32('pq nsubq');
  const dsub = reader.int32('pq dsub');
  const lastdsub = reader.int32('pq lastdsub');
  if (dim <= 0 || dim > 1 << 16 || dsub <= 0 || nsubq <= 0) throw new FastTextFormatError(`implausible product quantizer (dim ${dim}, dsub ${dsub}, nsubq ${nsubq})`);
  return { dim, nsubq, dsub, lastdsub, centroids: reader.float32s(dim * KSUB, 'pq centroids') };
}

function readMatrix(reader: Reader, quantized: boolean, what: string): FastTextMatrix {
  if (!quantized) {
    const rows = checkedSize(reader.int64(`${what} rows`), 2 ** 31, `${what} row count`);
    const cols = checkedSize(reader.int64(`${what} cols`), 1 << 16, `${what} column count`);
    return { kind: 'dense', rows, cols, data: reader.float32s(rows * cols, `${what} values`) };
  }
  const qnorm = reader.byte(`${what} qnorm`) !== 0;
  const rows = checkedSize(reader.int64(`${what} rows`), 2 ** 31, `${what} row count`);
  const cols = checkedSize(reader.int64(`${what} cols`), 1 << 16, `${what} column count`);
  const codeSize = reader.int32(`${what} code size`);
  if (codeSize < 0) throw new FastTextFormatError(`implausible ${what} code size ${codeSize}`);
  const codes = reader.bytesOf(codeSize, `${what} codes`);
  const pq = readPq(reader);
  if (!qnorm) return { kind: 'quant', qnorm, rows, cols, codes, pq };
  const normCodes = reader.bytesOf(rows, `${what} norm codes`);
  return { kind: 'quant', qnorm, rows, cols, codes, pq, normCodes, normPq: readPq(reader) };
}

/** Parses a whole `.bin`/`.ftz`; throws FastTextFormatError naming the first inconsistency. */
export function readFastText(bytes: Uint8Array): FastTextModelFile {
  const reader = new Reader(bytes);
  if (bytes.length < 8 || reader.int32('magic') !== FASTTEXT_MAGIC) throw new FastTextFormatError('not a fastText model (wrong magic number)');
  const version = reader.int32('version');
  if (version > FASTTEXT_VERSION || version < 11) throw new FastTextFormatError(`unsupported fastText file version ${version}`);
  const ints = Object.fromEntries(ARG_INTS.map((name) => [name, reader.int32(`args.${name}`)]));
  const args = { ...ints, t: reader.float64('args.t') } as FastTextArgsHeader;
  const size = reader.int32('dictionary size');
  const nwords = reader.int32('dictionary nwords');
  const nlabels = reader.int32('dictionary nlabels');
  if (size < 0 || nwords < 0 || nlabels < 0 || nwords + nlabels !== size) throw new FastTextFormatError(`inconsistent dictionary sizes (${size} ≠ ${nwords} words + ${nlabels} labels)`);
  const ntokens = reader.int64('dictionary ntokens');
  const pruneIndexSize = reader.int64('dictionary prune index size');
  const entries: DictionaryEntry[] = [];
  for (let i = 0; i < size; i++) {
    const word = reader.cString('dictionary word');
    entries.push({ word, count: reader.int64('dictionary count'), type: reader.byte('dictionary entry type') });
  }
  const pruneIndex: Array<[number, number]> = [];
  for (let i = 0n; i < pruneIndexSize; i++) pruneIndex.push([reader.int32('prune index key'), reader.int32('prune index value')]);
  const dictionary: FastTextDictionary = { nwords, nlabels, ntokens, pruneIndexSize, entries, pruneIndex };
  const input = readMatrix(reader, reader.byte('quant flag') !== 0, 'input matrix');
  const qout = reader.byte('qout flag') !== 0;
  const output = readMatrix(reader, input.kind === 'quant' && qout, 'output matrix');
  if (!reader.atEnd) throw new FastTextFormatError(`${bytes.length - reader.position} unexpected bytes after the output matrix`);
  if (input.cols !== args.dim || output.cols !== args.dim) throw new FastTextFormatError(`matrix width differs from dim ${args.dim}`);
  return { version, args, dictionary, input, qout, output };
}

function writePq(writer: Writer, pq: ProductQuantizer): void {
  writer.int32(pq.dim);
  writer.int32(pq.nsubq);
  writer.int32(pq.dsub);
  writer.int32(pq.lastdsub);
  writer.float32s(pq.centroids);
}

function writeMatrix(writer: Writer, matrix: FastTextMatrix): void {
  if (matrix.kind === 'dense') {
    writer.int64(BigInt(matrix.rows));
    writer.int64(BigInt(matrix.cols));
    writer.float32s(matrix.data);
    return;
  }
  writer.byte(matrix.qnorm ? 1 : 0);
  writer.int64(BigInt(matrix.rows));
  writer.int64(BigInt(matrix.cols));
  writer.int32(matrix.codes.length);
  writer.bytes(matrix.codes);
  writePq(writer, matrix.pq);
  if (matrix.qnorm) {
    if (!matrix.normCodes || !matrix.normPq) throw new FastTextFormatError('qnorm matrix without norm codes');
    writer.bytes(matrix.normCodes);
    writePq(writer, matrix.normPq);
  }
}

export function writeFastText(model: FastTextModelFile): Uint8Array {
  const writer = new Writer();
  writer.int32(FASTTEXT_MAGIC);
  writer.int32(model.version);
  for (const name of ARG_INTS) writer.int32(model.args[name]);
  writer.float64(model.args.t);
  const { dictionary } = model;
  writer.int32(dictionary.entries.length);
  writer.int32(dictionary.nwords);
  writer.int32(dictionary.nlabels);
  writer.int64(dictionary.ntokens);
  writer.int64(dictionary.pruneIndexSize);
  for (const entry of dictionary.entries) {
    writer.bytes(entry.word);
    writer.byte(0);
    writer.int64(entry.count);
    writer.byte(entry.type);
  }
  for (const [key, value] of dictionary.pruneIndex) {
    writer.int32(key);
    writer.int32(value);
  }
  writer.byte(model.input.kind === 'quant' ? 1 : 0);
  writeMatrix(writer, model.input);
  writer.byte(model.qout ? 1 : 0);
  writeMatrix(writer, model.output);
  return writer.finish();
}

/** Label names (prefix included) in model order. */
export function modelLabels(model: FastTextModelFile): string[] {
  const decoder = new TextDecoder();
  return model.dictionary.entries.filter((entry) => entry.type === ENTRY_LABEL).map((entry) => decoder.decode(entry.word));
}
