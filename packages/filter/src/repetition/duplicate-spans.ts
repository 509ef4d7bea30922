/**
 * Repeated lines and paragraphs of a text, counted as a set of their strings counts them (each occurrence
 * after the first of its string is a duplicate; its characters are its UTF-16 units), without slicing them:
 * spans are hashed by their length and three of their units, and spans alike in those are compared unit by
 * unit. Most lines of running text then cost four reads, where a set of strings hashed every character.
 */
import { charClass, SPACE } from '../tokens/char-classes.js';
import { scratchSize } from '../tokens/scratch-size.js';

/** Spans of a text, in buffers reused from call to call (read them before the next fill). */
export class Spans {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);

  clear(capacity: number): void {
    this.count = 0;
    const size = scratchSize(this.starts.length, capacity);
    if (size === this.starts.length) return;
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  push(start: number, end: number): void {
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

const NEWLINE = 0x0a;

/** Whether text[start, end) holds a character outside `\s` (`text.slice(start, end).trim() !== ''`). */
function hasNonSpace(text: string, start: number, end: number): boolean {
  // Surrogates are never white space: their units' classes say so as a pair's would.
  for (let i = start; i < end; i++) if ((charClass(text.charCodeAt(i)) & SPACE) === 0) return true;
  return false;
}

/** The lines of `text.slice(from, to).split('\n')` that are not blank, as spans of `text`. */
export function nonBlankLines(text: string, from: number, to: number, out: Spans): void {
  out.clear(to - from + 1);
  for (let start = from; ; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline >= to ? to : newline;
    if (hasNonSpace(text, start, end)) out.push(start, end);
    if (end === to) return;
    start = end + 1;
  }
}

/** The pieces of `text.slice(from, to).split(/\n{2,}/u)`, as spans of `text`. */
export function paragraphs(text: string, from: number, to: number, out: Spans): void {
  out.clear(to - from + 1);
  let start = from;
  for (let at = text.indexOf('\n\n', start); at >= 0 && at + 2 <= to; at = text.indexOf('\n\n', start)) {
    out.push(start, at);
    start = at + 2;
    while (start < to && text.charCodeAt(start) === NEWLINE) start++;
  }
  out.push(start, to);
}

let slotStamps = new Int32Array(128);
let slotSpans = new Int32Array(128);
let slotHashes = new Int32Array(128);
let generation = 0;

const mix = (hash: number, value: number): number => Math.imul(hash ^ value, 0x01000193);

function spanHash(text: string, start: number, end: number): number {
  const length = end - start;
  let hash = mix(0x811c9dc5, length);
  if (length > 0) hash = mix(mix(mix(hash, text.charCodeAt(start)), text.charCodeAt(start + (length >> 1))), text.charCodeAt(end - 1));
  return hash ^ (hash >>> 15);
}

function sameText(text: string, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let i = 0; i < end - start; i++) if (text.charCodeAt(start + i) !== text.charCodeAt(otherStart + i)) return false;
  return true;
}

/** Duplicates among `spans` of `text`: how many, and their characters. */
export function duplicateSpans(text: string, spans: Spans): { count: number; chars: number } {
  let slots = 2;
  while (slots < 2 * spans.count) slots *= 2;
  const size = scratchSize(slotStamps.length, slots);
  if (size !== slotStamps.length) {
    slotStamps = new Int32Array(size);
    slotSpans = new Int32Array(size);
    slotHashes = new Int32Array(size);
  }
  if (generation === 0x7fffffff) {
    slotStamps.fill(0);
    generation = 0;
  }
  const stamp = ++generation;
  const mask = slots - 1;
  const { starts, ends } = spans;
  let count = 0;
  let chars = 0;
  for (let i = 0; i < spans.count; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    const hash = spanHash(text, start, end);
    let slot = hash & mask;
    let seen = false;
    while (slotStamps[slot] === stamp) {
      const other = slotSpans[slot] as number;
      if (slotHashes[slot] === hash && sameText(text, start, end, starts[other] as number, ends[other] as number)) {
        seen = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (seen) {
      count++;
      chars += end - start;
    } else {
      slotStamps[slot] = stamp;
      slotSpans[slot] = i;
      slotHashes[slot] = hash;
    }
  }
  return { count, chars };
}
