import { createWriteStream, mkdirSync, renameSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { tempPathFor } from '../io/atomic-write.js';

const FLUSH_AT_CHARS = 1 << 16;

/**
 * A gzip JSONL file written under a temp name and renamed on `close()`, so a crash never leaves a
 * truncated part that looks finished. Lines are batched: one zlib write per 64 Ki characters.
 */
export class GzipJsonlWriter {
  private readonly temp: string;
  private readonly gzip: Gzip;
  private readonly file: WriteStream;
  private pending = '';
  records = 0;

  constructor(
    readonly path: string,
    level: number,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.temp = tempPathFor(path);
    this.gzip = createGzip({ level });
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
    if (chunk && !this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await once(this.file, 'close');
    renameSync(this.temp, this.path);
  }
}
