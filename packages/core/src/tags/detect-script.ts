/**
 * Unicode Script property of text, reported as ISO 15924 codes (Unicode's short script aliases are ISO 15924
 * codes). The code-point table is derived on first use from the running Node's own Unicode data
 * (`\p{Script=…}` regexes), so it always matches the engine's Unicode version.
 *
 * What the Script property cannot tell:
 * - Han is one script (`Hani`): simplified vs traditional (`Hans`/`Hant`) is a property of the text's
 *   characters in use, not of code points — deciding it needs a character-variant table or a language model.
 * - `Jpan` (Han + Hiragana + Katakana) and `Kore` (Hangul + Han) are ISO 15924 aliases for how a language is
 *   written; code points report `Hani`, `Hira`, `Kana`, `Hang`. A language-level decision (a `jpn` label
 *   implies `Jpan`) belongs to the caller.
 * - `Zyyy` (Common: digits, punctuation, spaces, most symbols), `Zinh` (Inherited: combining marks) and `Zzzz`
 *   (unassigned, private use, lone surrogates) say nothing about the writing system.
 */
import { scripts } from './registry.js';

/** Scripts that name no writing system: dominantScript skips them. */
const NEUTRAL_SCRIPTS = new Set(['Zyyy', 'Zinh', 'Zzzz']);
const CODE_POINTS = 0x110000;
/** Code points tested together: a block that is one script throughout costs a single regex test. */
const BLOCK = 256;

interface ScriptTable {
  readonly codes: readonly string[];
  /** Index into `codes` for every code point. */
  readonly byCodePoint: Uint8Array;
}

let cached: ScriptTable | undefined;

/** Regexes for every ISO 15924 code the running engine knows as a Unicode script (`Hans`, `Jpan`… are not). */
function unicodeScripts(): { code: string; one: RegExp; all: RegExp }[] {
  const found: { code: string; one: RegExp; all: RegExp }[] = [];
  for (const { code } of scripts()) {
    // Unicode keeps private-use Qaac/Qaai as old aliases of Coptic/Inherited: report the real codes.
    if (code.startsWith('Qa')) continue;
    try {
      found.push({ code, one: new RegExp(`^\\p{Script=${code}}$`, 'u'), all: new RegExp(`^\\p{Script=${code}}+$`, 'u') });
    } catch {
      // Not a Unicode script in this engine: nothing to detect.
    }
  }
  return found;
}

function scriptTable(): ScriptTable {
  if (cached) return cached;
  const known = unicodeScripts();
  const unknown = known.findIndex(({ code }) => code === 'Zzzz');
  const byCodePoint = new Uint8Array(CODE_POINTS).fill(unknown);
  let previous = unknown;
  const codePoints = new Array<string>(BLOCK);
  for (let start = 0; start < CODE_POINTS; start += BLOCK) {
    for (let offset = 0; offset < BLOCK; offset++) codePoints[offset] = String.fromCodePoint(start + offset);
    const blockText = codePoints.join('');
    const block = known[previous]?.all.test(blockText) ? previous : known.findIndex(({ all }) => all.test(blockText));
    if (block >= 0) {
      byCodePoint.fill(block, start, start + BLOCK);
      previous = block;
      continue;
    }
    for (let offset = 0; offset < BLOCK; offset++) {
      const char = codePoints[offset] ?? '';
      if (!known[previous]?.one.test(char)) previous = known.findIndex(({ one }) => one.test(char));
      // A script newer than the iso-15924 list matches none: it stays Unknown.
      if (previous < 0) previous = unknown;
      byCodePoint[start + offset] = previous;
    }
  }
  cached = { codes: known.map(({ code }) => code), byCodePoint };
  return cached;
}

/** Code points of `text` by ISO 15924 script (`{Latn: 5, Zyyy: 1}`), Common/Inherited/Unknown included. */
/** Scratch counts shared by every call (JS is single-threaded): allocating and scanning all ~170 per call cost more than the text. */
let scratch: Uint32Array | undefined;
const touched: number[] = [];

export function detectScript(text: string): Record<string, number> {
  const { codes, byCodePoint } = scriptTable();
  const counts = (scratch ??= new Uint32Array(codes.length));
  // Decodes surrogate pairs by hand: per code point, as for…of would, without allocating a string for each.
  for (let index = 0; index < text.length; index++) {
    let codePoint = text.charCodeAt(index);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    const script = byCodePoint[codePoint]!;
    if (counts[script]!++ === 0) touched.push(script);
  }
  // Keys in script-table order, as a scan of every count would give them.
  touched.sort((a, b) => a - b);
  const result: Record<string, number> = {};
  for (const script of touched) {
    result[codes[script] ?? 'Zzzz'] = counts[script]!;
    counts[script] = 0;
  }
  touched.length = 0;
  return result;
}

/**
 * The script with the most code points, Common/Inherited/Unknown aside (ties go to the alphabetically
 * first code); `Zyyy` when the text has none. Accepts text or detectScript's counts.
 */
export function dominantScript(textOrCounts: string | Record<string, number>): string {
  const counts = typeof textOrCounts === 'string' ? detectScript(textOrCounts) : textOrCounts;
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [code, count] of Object.entries(counts)) {
    if (NEUTRAL_SCRIPTS.has(code)) continue;
    if (count > bestCount || (count === bestCount && code < best)) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
