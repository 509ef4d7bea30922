/** Every file a task writes ends in its part name, so a rerun can find and clear a half-done task's files. */
export function partFileName(rank: number): string {
  return `part-${String(rank).padStart(5, '0')}.jsonl.gz`;
}
