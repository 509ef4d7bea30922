/** A seed file that cannot be read as its format says; the message names the file and line. */
export class SeedFormatError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${path}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'SeedFormatError';
  }
}
