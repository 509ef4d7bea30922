/**
 * Case-insensitive search for many strings at once: which of the blocklist's strings a text contains, in one
 * pass over the text (the automaton of Aho & Corasick 1975, "Efficient string matching", as a full transition
 * table), where lower-casing the text and scanning it once per string cost a copy and a scan per string.
 *
 * The text is lower-cased unit by unit as it is read (char-classes lowerUnit), which is exactly
 * `text.toLowerCase()` while every character lower-cases on its own (SIMPLE_LOWER); a text with one that does
 * not (capital sigma, U+0130, astral capitals) is lower-cased whole and searched with `includes`, as before,
 * and so is every text when the list is too large for the table (MAX_TABLE).
 */
import { charClass, lowerUnit, SIMPLE_LOWER } from '../tokens/char-classes.js';

const ROOT = 0;
/** Table entries (states × distinct units) kept at most: 16 MB; the default list needs about 9,300. */
const MAX_TABLE = 1 << 22;
/** In `unitColumns`: a unit not met yet (char-classes learns classes lazily too). */
const UNKNOWN = 0xfffe;
/** In `unitColumns`: the unit's character does not lower-case on its own. */
const NOT_SIMPLE = 0xffff;

interface Automaton {
  /**
   * next[at + column], where `at` is a state's row (state × width): the next state's row, times two, plus one
   * when strings end in that state; one read per unit then gives both.
   */
  readonly next: Int32Array;
  /** Per state: the strings that end there (its own and its suffixes'). */
  readonly outputs: ReadonlyArray<readonly number[] | undefined>;
}

/** The full transition table of `needles`, whose units `columns` numbers 1 … width − 1; undefined past MAX_TABLE. */
function automaton(needles: readonly string[], columns: Int32Array, width: number): Automaton | undefined {
  // The trie: children[state] maps a column to a child state.
  const children: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  needles.forEach((needle, id) => {
    let state = ROOT;
    for (let i = 0; i < needle.length; i++) {
      const column = columns[needle.charCodeAt(i)] as number;
      const edges = children[state] as Map<number, number>;
      let child = edges.get(column);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        ends.push([]);
        edges.set(column, child);
      }
      state = child;
    }
    (ends[state] as number[]).push(id);
  });
  if (children.length * width > MAX_TABLE) return undefined;

  // Breadth first, a state's missing transitions are those of its failure state (the longest proper suffix of
  // its path that is a trie path), and so are its outputs: reading the text then never backtracks.
  const next = new Int32Array(children.length * width);
  const outputs: Array<readonly number[] | undefined> = new Array<undefined>(children.length).fill(undefined);
  const failure = new Int32Array(children.length);
  const queue: number[] = [];
  for (const [column, child] of children[ROOT] as Map<number, number>) {
    next[column] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const fail = failure[state] as number;
    const found = [...(ends[state] as number[]), ...(outputs[fail] ?? [])];
    if (found.length > 0) outputs[state] = found;
    const edges = children[state] as Map<number, number>;
    for (let column = 0; column < width; column++) {
      const child = edges.get(column);
      const inherited = next[fail * width + column] as number;
      if (child === undefined) {
        next[state * width + column] = inherited;
      } else {
        next[state * width + column] = child;
        failure[child] = inherited;
        queue.push(child);
      }
    }
  }
  for (let entry = 0; entry < next.length; entry++) {
    const state = next[entry] as number;
    next[entry] = state * width * 2 + (outputs[state] === undefined ? 0 : 1);
  }
  return { next, outputs };
}

export class BlocklistMatcher {
  /** The distinct lower-cased strings; each counts once per text. */
  readonly needles: readonly string[];
  /** UTF-16 unit → column of the table (0: a unit no string holds). */
  private readonly columns = new Int32Array(0x10000);
  /**
   * A text's UTF-16 unit outside the surrogates → the column of its lower case, or NOT_SIMPLE; UNKNOWN until
   * first met (char-classes learns classes lazily too). Two bytes a unit keep it small in the cache.
   */
  private readonly unitColumns = new Uint16Array(0x10000).fill(UNKNOWN);
  private readonly width: number;
  private readonly automaton: Automaton | undefined;
  /** Per string: the call that last found it. */
  private readonly found: Int32Array;
  private call = 0;

  constructor(strings: readonly string[]) {
    this.needles = [...new Set(strings.map((entry) => entry.toLowerCase()))];
    let width = 1;
    for (const needle of this.needles) {
      for (let i = 0; i < needle.length; i++) {
        const unit = needle.charCodeAt(i);
        if (this.columns[unit] === 0) this.columns[unit] = width++;
      }
    }
    this.width = width;
    this.automaton = automaton(this.needles, this.columns, width);
    this.found = new Int32Array(this.needles.length);
  }

  /** How many of the strings `text.slice(from, to).toLowerCase()` contains. */
  distinctHits(text: string, from = 0, to = text.length): number {
    if (this.automaton === undefined) return this.hitsByIncludes(text, from, to);
    const { next, outputs } = this.automaton;
    const width = this.width;
    if (++this.call === 0x7fffffff) {
      this.found.fill(0);
      this.call = 1;
    }
    let hits = 0;
    /** The state's row in `next` (state × width). */
    let at = ROOT;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      let column = this.unitColumns[unit] as number;
      if (column >= UNKNOWN) {
        if ((unit & 0xf800) === 0xd800) {
          // A surrogate: its pair's character within the span (or itself, alone) decides; with SIMPLE_LOWER its
          // units are their lower case.
          const codePoint = i + 1 < to ? (text.codePointAt(i) as number) : unit;
          if ((charClass(codePoint) & SIMPLE_LOWER) === 0) return this.hitsByIncludes(text, from, to);
          column = this.columns[unit] as number;
        } else {
          column = column === UNKNOWN ? this.learn(unit) : -1;
          if (column < 0) return this.hitsByIncludes(text, from, to);
        }
      }
      const entry = next[at + column] as number;
      at = entry >> 1;
      if ((entry & 1) === 0) continue;
      for (const id of outputs[at / width] as readonly number[]) {
        if (this.found[id] === this.call) continue;
        this.found[id] = this.call;
        hits++;
      }
    }
    return hits;
  }

  /** The column of a unit outside the surrogates, remembered; −1 when it does not lower-case on its own. */
  private learn(unit: number): number {
    const column = (charClass(unit) & SIMPLE_LOWER) === 0 ? -1 : (this.columns[lowerUnit(unit)] as number);
    this.unitColumns[unit] = column < 0 ? NOT_SIMPLE : column;
    return column;
  }

  /** The definition, for texts that do not lower-case unit by unit. */
  private hitsByIncludes(text: string, from: number, to: number): number {
    const lower = text.slice(from, to).toLowerCase();
    let hits = 0;
    for (const needle of this.needles) if (lower.includes(needle)) hits++;
    return hits;
  }
}
