import { SegmentFileError, readSegmentFile, type NamedSegments } from '../io/segment-files.js';

/** A segment file read strictly (UTF-8, line by line); an empty file is an error naming it. */
export function readNonEmptySegments(path: string, purpose: string): NamedSegments {
  const segments = readSegmentFile(path);
  if (segments.length === 0) throw new SegmentFileError(`${path}: empty file, no lines to ${purpose}`, path);
  return { name: path, segments };
}
