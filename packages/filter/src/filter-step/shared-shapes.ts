/**
 * Copies of documents and segments whose objects share V8's hidden classes. On Node 20 (V8 11.3) an object
 * made by a spread that then gains a key (`{ ...segment, drop }`, `{ ...doc, lang }`, `{ ...span, ...label }`)
 * gets a hidden class of its own, and every later read of it misses the inline caches: about 190 ns a property
 * where a shared class costs a nanosecond or two (20,000 such segments, read three properties each). Objects
 * filled from an empty object by Object.assign, keys in the same order, share their classes. Filters read each
 * segment's span, drop mark and label several times a document, and langid.detect hands them segments made by
 * spreads: the first filter step of a chain copies them once (withUniformSegments), and later steps, finding
 * the copies remembered, read them as they are.
 */
import type { Doc, Segment } from '@ntl/core';

/**
 * `{ ...source }`: own enumerable keys, in order. Object.assign copies as fast as a spread (a key-by-key loop
 * is four times slower) but assigns, and assigning `__proto__` sets the prototype instead of making the key.
 */
function copy<T extends object>(source: T): T {
  return Object.hasOwn(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/** `{ ...source, [key]: value }`: `key` in its place, or last. */
export function copyWith<T extends object>(source: T | undefined, key: string, value: unknown): T {
  const copied = (source === undefined ? {} : copy(source)) as Record<string, unknown>;
  copied[key] = value;
  return copied as T;
}

/** Segment arrays whose segments were copied here (or by a step from copies made here). */
const uniform = new WeakSet<readonly Segment[]>();

/** Remembers `segments` as made of copies from this module (a step's copy of the array with a segment changed). */
export function rememberUniform(segments: readonly Segment[]): void {
  uniform.add(segments);
}

/** `doc`, with its segments copied the first time a filter step meets them. */
export function withUniformSegments(doc: Doc): Doc {
  const segments = doc.segments;
  if (segments === undefined || uniform.has(segments)) return doc;
  const copies = segments.map(copy);
  uniform.add(copies);
  return copyWith(doc, 'segments', copies);
}
