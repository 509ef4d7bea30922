/** Exit codes: scripts can tell a usage mistake from a failed run from a run that met damaged input. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The run finished, but inputs were damaged and --fail-on-damage was given. */
  damaged: 3,
  interrupted: 130,
} as const;

/** An error whose message is complete for the user: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
