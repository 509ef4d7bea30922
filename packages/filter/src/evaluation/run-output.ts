/**
 * The evaluation reads a run's output with core's streaming reader; its errors are evaluation input errors
 * (the CLI turns them into usage errors naming the path).
 */
export { RunOutputError as EvaluationInputError, partFiles, readGzipJsonl, requireFolder, type JsonLine, type PartFile } from '@ntl/core';
