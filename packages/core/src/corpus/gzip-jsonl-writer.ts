import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip, gzipSync, type Gzip } from 'node:zlib';
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
 * The zlib and file streams start with the first full batch: a file that never fills one (most
 * per-language parts of a many-language crawl, and the parts the dedup pass rewrites) is
 * compressed and written in one call on close, which costs about half as much as setting up
 * and tearing down the two streams (a task of the news bench writes ~450 such parts).
 */
export class GzipJsonlWriter {
  private readonly tempPath: string;
  private stream: { readonly gzip: Gzip; readonly file: WriteStream } | undefined;
  private pending = '';
  /** One promise per batch zlib has not finished with, oldest first. */
  private readonly inFlight: Array<Promise<void>> = [];
  records = 0;

  constructor(
    readonly path: string,
    private readonly level: number,
  ) {
    this.tempPath = tempPathFor(path);
  }

  async write(record: unknown): Promise<void> {
    this.pending += `${JSON.stringify(record)}\n`;
    this.records += 1;
    if (this.pending.length >= FLUSH_AT_CHARS) await this.flush();
  }

  private started(): NonNullable<GzipJsonlWriter['stream']> {
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      const gzip = createGzip({ level: this.level, chunkSize: OUTPUT_CHUNK_BYTES });
      const file = createWriteStream(this.tempPath);
      gzip.pipe(file);
      this.stream = { gzip, file };
    }
    return this.stream;
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    if (!chunk) return;
    const { gzip } = this.started();
    // Write errors surface as 'error' events, which close() awaits through the file stream.
    this.inFlight.push(new Promise((resolve) => gzip.write(chunk, () => resolve())));
    if (this.inFlight.length > MAX_BATCHES_IN_FLIGHT) await this.inFlight.shift();
  }

  /** Writes everything and renames the file into place. */
  async close(): Promise<void> {
    await this.finish();
    this.commit();
  }

  /**
   * Writes everything under the temp name and leaves the file there, for a caller that must commit
   * other files first (crash ordering); `commit()` or `discard()` then ends it.
   */
  async finish(): Promise<void> {
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(this.tempPath, gzipSync(this.pending, { level: this.level }));
      this.pending = '';
      return;
    }
    await this.flush();
    this.stream.gzip.end();
    await once(this.stream.file, 'close');
  }

  commit(): void {
    renameSync(this.tempPath, this.path);
  }

  discard(): void {
    rmSync(this.tempPath, { force: true });
  }
}
