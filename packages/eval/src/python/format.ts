/**
 * Python's number and JSON formatting, so that printed scores match sacrebleu's byte for byte.
 * `Number.prototype.toFixed` rounds exact ties away from zero (0.125 → "0.13") where Python's
 * `f'{x:.2f}'` rounds half to even on the exact binary value ("0.12"); JSON differs on `2.0` vs `2`.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** The exact value of a finite double as `mantissa * 2 ** exponent`. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  F64[0] = Math.abs(x);
  const hi = U32[1] as number;
  const lo = U32[0] as number;
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Python `f'{x:.{digits}f}'`: correctly rounded, ties to even, '-' kept for negative zero results. */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const { mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(digits);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    scaled = numerator / denominator;
    const twice = (numerator % denominator) * 2n;
    if (twice > denominator || (twice === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  let text = scaled.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * Python `repr(float)`: the shortest round-trip digits (the same digits V8 picks), written in
 * scientific notation when the decimal exponent is below -4 or at least 16, else with at least '.0'.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [digitsPart, expPart] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = digitsPart.replace('.', '');
  const exp = Number(expPart);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits.padEnd(intLen, '0')}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** A value Python's `json.dumps` can write; `PyFloat` marks a number Python holds as a float. */
export type PyJson = string | number | boolean | null | PyFloat | PyJson[] | { [key: string]: PyJson };

/** A number that Python would hold as a `float` (written `2.0`, not `2`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

function quote(s: string, ensureAscii: boolean): string {
  // json.dumps escapes '"', '\\' and C0 controls, and with ensure_ascii every non-ASCII UTF-16 unit.
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || (ensureAscii && c > 0x7e)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Python `json.dumps(value, indent=indent, ensure_ascii=ensureAscii)`. */
export function pyJsonDumps(value: PyJson, indent: number, ensureAscii = false): string {
  const write = (v: PyJson, depth: number): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return quote(v, ensureAscii);
    if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : pyFloatRepr(v);
    if (v instanceof PyFloat) {
      if (Number.isNaN(v.value)) return 'NaN';
      if (!Number.isFinite(v.value)) return v.value > 0 ? 'Infinity' : '-Infinity';
      return pyFloatRepr(v.value);
    }
    const pad = '\n' + ' '.repeat(indent * (depth + 1));
    const close = '\n' + ' '.repeat(indent * depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((item) => pad + write(item, depth + 1)).join(',')}${close}]`;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{${entries.map(([k, item]) => `${pad}${quote(k, ensureAscii)}: ${write(item, depth + 1)}`).join(',')}${close}}`;
  };
  return write(value, 0);
}
