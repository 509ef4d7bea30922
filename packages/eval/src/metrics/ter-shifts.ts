/**
 * Translation edit rate with shifts, transcribed from sacrebleu's `lib_ter.py` (itself a port of
 * Tercom): a greedy search for block shifts that lower a beam-limited Levenshtein distance, with
 * Tercom's candidate ranking and sacrebleu's limits. Words are integer ids and the distance matrix
 * lives in typed arrays. sacrebleu's trie of cached matrix rows only saves time; here the rows of
 * the current hypothesis are kept and a shifted candidate is recomputed from its first changed word,
 * which yields the same numbers.
 */

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;

/** Stands for sacrebleu's `int(1e16)`: above any real cost, and INF + 1 stays a small integer. */
const INF = 2 ** 29;

// Edit operations, as sacrebleu names them when rewriting the hypothesis into the reference.
const OP_NOP = 0;
const OP_SUB = 1;
const OP_INS = 2; // a reference word is inserted
const OP_DEL = 3; // a hypothesis word is deleted
const OP_UNDEF = 4;

/**
 * Beam-limited edit distance against one reference, for hypotheses of one fixed length. Row i of
 * the matrix is only computed inside its beam window [lo, hi) around the pseudo-diagonal, and only
 * that window is stored: cells outside it are infinite, as in lib_ter.py.
 */
class BeamEditDistance {
  private readonly nRef: number;
  /** Window and storage offset of each row 0..nHyp. */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly off: Int32Array;
  /** Costs and operations of the stored hypothesis, row windows one after another. */
  private readonly cost: Int32Array;
  private readonly ops: Uint8Array;
  private current: Int32Array | null = null;
  private readonly rowA: Int32Array;
  private readonly rowB: Int32Array;

  constructor(
    private readonly ref: Int32Array,
    private readonly nHyp: number,
  ) {
    const nRef = ref.length;
    this.nRef = nRef;
    const ratio = nHyp > 0 ? nRef / nHyp : 1;
    // "in some crazy sentences, the difference in length is so large that we may end up with zero
    // overlap with previous row" (lib_ter.py)
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    this.lo = new Int32Array(nHyp + 1);
    this.hi = new Int32Array(nHyp + 1);
    this.off = new Int32Array(nHyp + 2);
    this.hi[0] = nRef + 1;
    let widest = nRef + 1;
    for (let i = 1; i <= nHyp; i++) {
      const diag = Math.floor(i * ratio);
      this.lo[i] = Math.max(0, diag - beam);
      this.hi[i] = i === nHyp ? nRef + 1 : Math.min(nRef + 1, diag + beam);
      widest = Math.max(widest, (this.hi[i] as number) - (this.lo[i] as number));
    }
    for (let i = 0; i <= nHyp; i++) this.off[i + 1] = (this.off[i] as number) + Math.max(0, (this.hi[i] as number) - (this.lo[i] as number));
    this.cost = new Int32Array(this.off[nHyp + 1] as number);
    this.ops = new Uint8Array(this.cost.length);
    // Row 0: inserting the first j reference words.
    for (let j = 0; j <= nRef; j++) {
      this.cost[j] = j;
      this.ops[j] = OP_INS;
    }
    this.rowA = new Int32Array(widest);
    this.rowB = new Int32Array(widest);
  }

  /**
   * Fill row i from row i-1 (window [prevLo, prevHi) stored at prev[prevOff…]). Ties prefer
   * substitution/match, then deletion, then insertion ("Tercom prefers no-op/sub, then insertion,
   * then deletion", swapped because the trace is flipped later).
   */
  private fillRow(i: number, word: number, prev: Int32Array, prevOff: number, prevLo: number, prevHi: number, row: Int32Array, rowOff: number, ops: Uint8Array | null): void {
    const ref = this.ref;
    const lo = this.lo[i] as number;
    const hi = this.hi[i] as number;
    // Windows only move right (lo[i] >= lo[i-1]), so row i-1 holds column j iff j < prevHi.
    const base = prevOff - prevLo;
    for (let j = lo; j < hi; j++) {
      const k = rowOff + j - lo;
      const up = j < prevHi ? (prev[base + j] as number) : INF;
      if (j === 0) {
        row[k] = up + 1;
        if (ops) ops[k] = OP_DEL;
        continue;
      }
      const diagonal = j - 1 >= prevLo && j - 1 < prevHi ? (prev[base + j - 1] as number) : INF;
      const same = word === ref[j - 1];
      let best = INF;
      let op = OP_UNDEF;
      const sub = diagonal + (same ? 0 : 1);
      if (best > sub) {
        best = sub;
        op = same ? OP_NOP : OP_SUB;
      }
      const del = up + 1;
      if (best > del) {
        best = del;
        op = OP_DEL;
      }
      const ins = (j > lo ? (row[k - 1] as number) : INF) + 1;
      if (best > ins) {
        best = ins;
        op = OP_INS;
      }
      row[k] = best;
      if (ops) ops[k] = op;
    }
  }

  /** Number of leading words `words` shares with the hypothesis whose rows are stored. */
  private sharedPrefix(words: Int32Array, from: number): number {
    const current = this.current;
    if (!current) return 0;
    let k = from;
    while (k < this.nHyp && words[k] === current[k]) k++;
    return k;
  }

  /** The bottom-right cell of the stored matrix. */
  private storedDistance(): number {
    return this.cost[(this.off[this.nHyp] as number) + this.nRef - (this.lo[this.nHyp] as number)] as number;
  }

  /** Distance of `words`, whose first `from` words are known to equal the stored hypothesis. */
  distance(words: Int32Array, from: number): number {
    const start = this.sharedPrefix(words, from);
    if (start === this.nHyp) return this.storedDistance();
    let prev: Int32Array = this.cost;
    let prevOff = this.off[start] as number;
    let row = this.rowA;
    for (let i = start + 1; i <= this.nHyp; i++) {
      this.fillRow(i, words[i - 1] as number, prev, prevOff, this.lo[i - 1] as number, this.hi[i - 1] as number, row, 0, null);
      prev = row;
      prevOff = 0;
      row = row === this.rowA ? this.rowB : this.rowA;
    }
    return prev[this.nRef - (this.lo[this.nHyp] as number)] as number;
  }

  /** Store the matrices of `words` (reusing the rows of a shared prefix); returns its distance. */
  store(words: Int32Array): number {
    for (let i = this.sharedPrefix(words, 0) + 1; i <= this.nHyp; i++) {
      this.fillRow(i, words[i - 1] as number, this.cost, this.off[i - 1] as number, this.lo[i - 1] as number, this.hi[i - 1] as number, this.cost, this.off[i] as number, this.ops);
    }
    this.current = words;
    return this.storedDistance();
  }

  /** Edit operations of the stored hypothesis, first to last. */
  trace(): Uint8Array {
    const out: number[] = [];
    let i = this.nHyp;
    let j = this.nRef;
    while (i > 0 || j > 0) {
      const lo = this.lo[i] as number;
      const op = j >= lo && j < (this.hi[i] as number) ? (this.ops[(this.off[i] as number) + j - lo] as number) : OP_UNDEF;
      out.push(op);
      if (op === OP_NOP || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) {
        j--;
      } else if (op === OP_DEL) {
        i--;
      } else {
        throw new Error('TER: edit distance trace reached a cell outside the beam');
      }
    }
    return Uint8Array.from(out.reverse());
  }
}

/**
 * sacrebleu `trace_to_alignment(_flip_trace(trace))`: for each reference position, the hypothesis
 * position it aligns to, and which positions on either side are errors (as prefix sums).
 */
function alignment(trace: Uint8Array, nHyp: number, nRef: number) {
  const align = new Int32Array(nRef);
  const hypErr = new Int32Array(nHyp + 1);
  const refErr = new Int32Array(nRef + 1);
  let posHyp = -1;
  let posRef = -1;
  for (const op of trace) {
    if (op === OP_NOP || op === OP_SUB) {
      posHyp++;
      posRef++;
      align[posRef] = posHyp;
      const err = op === OP_SUB ? 1 : 0;
      hypErr[posHyp + 1] = (hypErr[posHyp] as number) + err;
      refErr[posRef + 1] = (refErr[posRef] as number) + err;
    } else if (op === OP_DEL) {
      // flipped: an insertion into the (pretend) hypothesis side
      posHyp++;
      hypErr[posHyp + 1] = (hypErr[posHyp] as number) + 1;
    } else {
      posRef++;
      align[posRef] = posHyp;
      refErr[posRef + 1] = (refErr[posRef] as number) + 1;
    }
  }
  return { align, hypErr, refErr };
}

/** sacrebleu `_perform_shift`: move `words[start:start+length]` to before index `target`. */
function performShift(words: Int32Array, start: number, length: number, target: number): Int32Array {
  const out = new Int32Array(words.length);
  const block = words.subarray(start, start + length);
  if (target < start) {
    out.set(words.subarray(0, target), 0);
    out.set(block, target);
    out.set(words.subarray(target, start), target + length);
    out.set(words.subarray(start + length), start + length);
  } else if (target > start + length) {
    out.set(words.subarray(0, start), 0);
    const between = words.subarray(start + length, target);
    out.set(between, start);
    out.set(block, start + between.length);
    out.set(words.subarray(target), target);
  } else {
    out.set(words.subarray(0, start), 0);
    const after = words.subarray(start + length, length + target);
    out.set(after, start);
    out.set(block, start + after.length);
    out.set(words.subarray(length + target), start + after.length + length);
  }
  return out;
}

interface ShiftResult {
  delta: number;
  words: Int32Array;
  checked: number;
}

/** sacrebleu `_shift`: the shift that lowers the edit distance most, ranked as Tercom ranks them. */
function bestShift(words: Int32Array, ref: Int32Array, ed: BeamEditDistance, checkedBefore: number, preScore: number): ShiftResult {
  const nHyp = words.length;
  const nRef = ref.length;
  const { align, hypErr, refErr } = alignment(ed.trace(), nHyp, nRef);
  let checked = checkedBefore;
  let best: { score: number; length: number; startH: number; idx: number; words: Int32Array } | null = null;

  search: for (let startH = 0; startH < nHyp; startH++) {
    for (let startR = 0; startR < nRef; startR++) {
      if (Math.abs(startR - startH) > MAX_SHIFT_DIST) continue;
      let length = 0;
      while (words[startH + length] === ref[startR + length] && length < MAX_SHIFT_SIZE) {
        length++;
        // Each prefix of a matching run is a candidate pair (h_start, r_start, length).
        if (
          (hypErr[startH + length] as number) - (hypErr[startH] as number) !== 0 &&
          (refErr[startR + length] as number) - (refErr[startR] as number) !== 0 &&
          !(startH <= (align[startR] as number) && (align[startR] as number) < startH + length)
        ) {
          let prevIdx = -1;
          for (let offset = -1; offset < length; offset++) {
            let idx: number;
            if (startR + offset === -1) idx = 0;
            else if (startR + offset < nRef) idx = (align[startR + offset] as number) + 1;
            else break;
            if (idx === prevIdx) continue;
            prevIdx = idx;
            const shifted = performShift(words, startH, length, idx);
            const score = preScore - ed.distance(shifted, Math.min(startH, idx));
            checked++;
            // Highest gain, then longest block, then earliest start, then earliest target.
            if (
              best === null ||
              score > best.score ||
              (score === best.score &&
                (length > best.length ||
                  (length === best.length && (startH < best.startH || (startH === best.startH && idx < best.idx)))))
            ) {
              best = { score, length, startH, idx, words: shifted };
            }
          }
          if (checked >= MAX_SHIFT_CANDIDATES) break search;
        }
        if (nHyp === startH + length || nRef === startR + length) break;
      }
    }
  }
  return best ? { delta: best.score, words: best.words, checked } : { delta: 0, words, checked };
}

/** sacrebleu `translation_edit_rate`: (number of edits, reference length) for word-id sequences. */
export function translationEditRate(hyp: Int32Array, ref: Int32Array): { edits: number; refLength: number } {
  if (ref.length === 0) return { edits: hyp.length, refLength: 0 };
  const ed = new BeamEditDistance(ref, hyp.length);
  let words = hyp;
  let shifts = 0;
  let checked = 0;
  for (;;) {
    const preScore = ed.store(words);
    const shift = bestShift(words, ref, ed, checked, preScore);
    checked = shift.checked;
    // The candidate budget is tested before the gain: a shift found by the search that exhausted
    // it is not applied (lib_ter.py).
    if (checked >= MAX_SHIFT_CANDIDATES || shift.delta <= 0) return { edits: shifts + preScore, refLength: ref.length };
    shifts++;
    words = shift.words;
  }
}
