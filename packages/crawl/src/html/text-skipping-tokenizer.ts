import { Tokenizer } from 'htmlparser2';

/**
 * htmlparser2's tokenizer, except that runs of characters its state machine ignores are skipped
 * with `indexOf` instead of one state-machine step per character.
 *
 * With `decodeEntities` on (which the extractor needs), htmlparser2 12's text state and quoted
 * attribute values react only to `<` (or the closing quote) and `&`, but are still entered once per
 * character through `parse()`'s switch: about half of the parser's time on the UDHR pages of
 * bench/crawl/pipeline.js. Jumping to the next character that matters changes no event: every
 * other character is a no-op in those states. `fastForwardTo` (scripts, styles, comments,
 * declarations, the rest of a closing tag) gets the same `indexOf` in place of its `charCodeAt`
 * loop. The overrides read the tokenizer's own fields (`buffer`, `offset`, `index`), which
 * htmlparser2 declares private; `textSkippingTokenizer` checks they are there and otherwise returns
 * the stock tokenizer, and a test compares both tokenizers' events on the same pages (and fails if
 * the fallback is taken, so an upgrade of htmlparser2 cannot slow extraction unnoticed).
 */

/** The internals of htmlparser2's Tokenizer that the overrides read and move. */
interface TokenizerState {
  /** The chunk being tokenised. */
  buffer: string;
  /** Position of `buffer` in the whole input (earlier chunks). */
  offset: number;
  /** Position of the character being handled in the whole input; `parse()` adds 1 after each step. */
  index: number;
  decodeEntities: boolean;
}

interface SkippingState extends TokenizerState {
  ampersandSearchFrom: number;
  nextAmpersand: number;
}

type StateMethod = (this: TokenizerState, c: number) => void;
type AttributeValueMethod = (this: TokenizerState, c: number, quote: number) => void;

const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;

const stock = Tokenizer.prototype as unknown as Partial<Record<'stateText' | 'handleInAttributeValue' | 'fastForwardTo', unknown>>;
const stockStateText = stock.stateText as StateMethod;
const stockAttributeValue = stock.handleInAttributeValue as AttributeValueMethod;

class TextSkippingTokenizer extends Tokenizer {
  /**
   * Where the last search for `&` in the current chunk started, and the first `&` it found (-1: none
   * to the chunk's end): a page without entities is searched once, not at every skip. Only `write`
   * brings a new chunk (`reset` empties it), so it forgets the search.
   */
  ampersandSearchFrom = Number.POSITIVE_INFINITY;
  nextAmpersand = -1;

  override write(chunk: string): void {
    this.ampersandSearchFrom = Number.POSITIVE_INFINITY;
    super.write(chunk);
  }
}

/** The first `&` of the current chunk at or after `from`, or -1. */
function nextAmpersand(state: SkippingState, from: number): number {
  if (from < state.ampersandSearchFrom || (state.nextAmpersand >= 0 && state.nextAmpersand < from)) {
    state.ampersandSearchFrom = from;
    state.nextAmpersand = state.buffer.indexOf('&', from);
  }
  return state.nextAmpersand;
}

/** Moves `index` to just before the next `stop` character or `&` (the chunk's last character if neither follows); `parse()` then steps onto it. */
function skipTo(state: SkippingState, stop: string): void {
  const from = state.index - state.offset + 1;
  let end = state.buffer.indexOf(stop, from);
  if (end < 0) end = state.buffer.length;
  const ampersand = nextAmpersand(state, from);
  if (ampersand >= 0 && ampersand < end) end = ampersand;
  state.index = state.offset + end - 1;
}

function stateText(this: SkippingState, c: number): void {
  if (c === LESS_THAN || c === AMPERSAND || !this.decodeEntities) stockStateText.call(this, c);
  else skipTo(this, '<');
}

function handleInAttributeValue(this: SkippingState, c: number, quote: number): void {
  if (c === quote || c === AMPERSAND || !this.decodeEntities) stockAttributeValue.call(this, c, quote);
  else skipTo(this, String.fromCharCode(quote));
}

/** The stock loop's result and final `index`, found with `indexOf`. */
function fastForwardTo(this: TokenizerState, c: number): boolean {
  const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
  if (at >= 0) {
    this.index = this.offset + at;
    return true;
  }
  this.index = this.offset + this.buffer.length - 1;
  return false;
}

for (const [name, value] of Object.entries({ stateText, handleInAttributeValue, fastForwardTo })) {
  Object.defineProperty(TextSkippingTokenizer.prototype, name, { value });
}

/** Whether this htmlparser2's Tokenizer has the fields and methods the overrides rely on. */
function hasExpectedInternals(): boolean {
  if (typeof stock.stateText !== 'function' || typeof stock.handleInAttributeValue !== 'function' || typeof stock.fastForwardTo !== 'function') return false;
  const probe = new Tokenizer({ decodeEntities: true }, {} as ConstructorParameters<typeof Tokenizer>[1]) as unknown as Partial<TokenizerState>;
  return typeof probe.buffer === 'string' && typeof probe.offset === 'number' && typeof probe.index === 'number' && probe.decodeEntities === true;
}

/** The tokenizer class for `new Parser(handler, { Tokenizer })`: the skipping one, or the stock one if its internals changed. */
export const textSkippingTokenizer: typeof Tokenizer = hasExpectedInternals() ? TextSkippingTokenizer : Tokenizer;
