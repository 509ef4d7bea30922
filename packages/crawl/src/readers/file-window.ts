import { open, type FileHandle } from 'node:fs/promises';

const EMPTY = Buffer.alloc(0);

/**
 * A sliding window over a file, for readers that need a contiguous run of bytes (a whole gzip
 * member for one-shot inflation) but must never hold the whole file: bytes before the offset
 * a caller asks for are dropped, so memory stays at the largest span asked for plus one read.
 */
export class FileWindow {
  private buf: Buffer = EMPTY;
  /** File offset of `buf[0]`. */
  private base = 0;
  private filled = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    private readonly readSize: number,
  ) {}

  static async open(path: string, readSize: number): Promise<FileWindow> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new FileWindow(handle, size, readSize);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Makes bytes [offset, offset + n) resident (fewer at the end of the file) and returns the
   * resident bytes from `offset` on: at least min(n, size - offset) of them.
   */
  async view(offset: number, n: number): Promise<Buffer> {
    const want = Math.min(n, this.size - offset);
    if (offset < this.base || offset + want > this.base + this.filled) await this.load(offset, want);
    return this.buf.subarray(offset - this.base, this.filled);
  }

  private async load(offset: number, want: number): Promise<void> {
    const keepStart = offset - this.base;
    // Going back (re-reading a member after validating it) discards the window.
    const kept = keepStart < 0 ? 0 : Math.max(0, this.filled - keepStart);
    const capacity = Math.max(want, kept + this.readSize);
    const next = capacity <= this.buf.length ? this.buf : Buffer.allocUnsafe(capacity);
    if (kept > 0) this.buf.copy(next, 0, keepStart, this.filled);
    this.buf = next;
    this.base = offset;
    this.filled = kept;
    const end = Math.min(this.size - this.base, this.buf.length);
    while (this.filled < end) {
      const { bytesRead } = await this.handle.read(this.buf, this.filled, end - this.filled, this.base + this.filled);
      if (bytesRead === 0) break;
      this.filled += bytesRead;
    }
  }

  /** Reads [offset, offset + n) into a new buffer that the window never reuses (for pieces handed downstream). */
  async readFresh(offset: number, n: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(Math.max(0, Math.min(n, this.size - offset)));
    let filled = 0;
    while (filled < out.length) {
      const { bytesRead } = await this.handle.read(out, filled, out.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === out.length ? out : out.subarray(0, filled);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
