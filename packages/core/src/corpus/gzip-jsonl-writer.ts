import { createWriteStream, mkdirSync, renameSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { tempPathFor } from '../io/atomic-write.js';

const FLUSH_AT_CHARS = 1 << 16;
/**
 * Batches handed to zlib and not yet compressed before `write` waits for the oldest. zlib
 * compresses on the libuv thread pool; waiting for 'drain' (the stream's 16 KiB mark) after every
 * batch left the pipeline idle while its own batch was compressed (~10% of a one-worker crawl
 * run). A window of 16 lets the next documents be processed meanwhile, at ≤ 16 batches of memory
 * per open part file.
 */
const MAX_BATCHES_IN_FLIGHT = 16;
/**
 * zlib's output buffer. Each time it fills, the stream calls back into JavaScript and pushes one
 * chunk to the file: at Node's default 16 KiB that machinery cost about as much main-thread time
 * as building the JSON lines (bench/crawl/pipeline.js profile); 64 KiB per open part file cuts
 * the calls four-fold. The compressed bytes do not depend on it.
 */
const OUTPUT_CHUNK_BYTES = 1 << 16;

/**
 * A gzip JSONL file written under a temp name and renamed on `close()`, so a crash never leaves a
 * truncated part that looks finished. Lines are batched: one zlib write per 64 Ki characters.
 */
export class GzipJsonlWriter {
  private readonly temp: string;
  private readonly gzip: Gzip;
  private readonly file: WriteStream;
  private pending = '';
  /** One promise per batch zlib has not finished with, oldest first. */
  private readonly inFlight: Array<Promise<void>> = [];
  records = 0;

  constructor(
    readonly path: string,
    level: number,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.temp = tempPathFor(path);
    this.gzip = createGzip({ level, chunkSize: OUTPUT_CHUNK_BYTES });
    this.file = createWriteStream(this.temp);
    this.gzip.pipe(this.file);
  }

  async write(record: unknown): Promise<void> {
    this.pending += `${JSON.stringify(record)}\n`;
    this.records += 1;
    if (this.pending.length >= FLUSH_AT_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    // Write errors surface as 'error' events, which close() awaits through the file stream.
    if (chunk) this.inFlight.push(new Promise((resolve) => this.gzip.write(chunk, () => resolve())));
    if (this.inFlight.length > MAX_BATCHES_IN_FLIGHT) await this.inFlight.shift();
  }

  async close(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await once(this.file, 'close');
    renameSync(this.temp, this.path);
  }
}
