/**
 * What every bench script reads from its command line: `--name value` options, and its CPU time (process CPU
 * time, which counts the main thread and V8's and libuv's helper threads).
 */
export const args = process.argv.slice(2);

/** The value after `name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
}

/** CPU seconds this process has used so far. */
export function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
