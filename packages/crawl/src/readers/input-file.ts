import { FileWindow } from './file-window.js';
import { DEFAULT_GZIP_OPTIONS, gzipPieces, startsWithGzipMagic, type GzipOptions } from './gzip-members.js';
import { plainPieces, type PieceEvent } from './pieces.js';

export type Compression = 'gzip' | 'none';

export interface InputOptions {
  /** Bytes per file read. */
  readBytes: number;
  gzip: GzipOptions;
}

export const DEFAULT_INPUT_OPTIONS: InputOptions = { readBytes: 1 << 20, gzip: DEFAULT_GZIP_OPTIONS };

export interface OpenedInput {
  size: number;
  /** Decided by the gzip magic bytes, never by the file name. */
  compression: Compression;
  pieces: AsyncGenerator<PieceEvent>;
  close(): Promise<void>;
}

/** Opens a file as a stream of (decompressed) pieces; throws only when the file cannot be opened or read. */
export async function openInput(path: string, options: InputOptions = DEFAULT_INPUT_OPTIONS): Promise<OpenedInput> {
  const file = await FileWindow.open(path, options.readBytes);
  try {
    const compression: Compression = startsWithGzipMagic(await file.view(0, 3)) ? 'gzip' : 'none';
    const pieces = compression === 'gzip' ? gzipPieces(file, path, options.gzip) : plainPieces(file, options.readBytes);
    const close = async (): Promise<void> => {
      await pieces.return(undefined);
      await file.close();
    };
    return { size: file.size, compression, pieces, close };
  } catch (error) {
    await file.close();
    throw error;
  }
}
