/**
 * The two arithmetics sacrebleu scores are computed in. Corpus and sentence scores come from Python
 * ints and floats (IEEE doubles, like JavaScript). Bootstrap resamples are summed in a float32 NumPy
 * array, and under NumPy 2's promotion rules (NEP 50) every operation touching a float32 stays in
 * float32, with Python scalars cast down first. Metric score functions are written once against this
 * interface so both paths share one transcription of sacrebleu's formulas.
 */
export interface Arithmetic<T> {
  /** A sufficient statistic as the scorer receives it (a Python int, or a float32 array element). */
  stat(x: number): T;
  /** A Python number literal or Python-side value (e.g. `1e-16`, `self.beta ** 2`). */
  lit(x: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  value(a: T): number;
}

/** Python semantics: plain doubles. */
export const PYTHON_ARITHMETIC: Arithmetic<number> = {
  stat: (x) => x,
  lit: (x) => x,
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  value: (a) => a,
};

/** A value under NumPy 2 promotion: a float32 scalar, or a weak Python scalar. */
export interface NumpyScalar {
  readonly v: number;
  readonly f32: boolean;
}

const fround = Math.fround;

function numpyOp(a: NumpyScalar, b: NumpyScalar, op: (x: number, y: number) => number): NumpyScalar {
  if (!a.f32 && !b.f32) return { v: op(a.v, b.v), f32: false };
  // One float32 operand: the Python scalar is cast to float32, the result rounded to float32.
  // Rounding the double result once is exact for + - * / (a double holds 2p+2 bits of a float32).
  return { v: fround(op(fround(a.v), fround(b.v))), f32: true };
}

/** NumPy 2 semantics for statistics held in a float32 array. */
export const NUMPY_FLOAT32_ARITHMETIC: Arithmetic<NumpyScalar> = {
  stat: (x) => ({ v: fround(x), f32: true }),
  lit: (x) => ({ v: x, f32: false }),
  add: (a, b) => numpyOp(a, b, (x, y) => x + y),
  mul: (a, b) => numpyOp(a, b, (x, y) => x * y),
  div: (a, b) => numpyOp(a, b, (x, y) => x / y),
  value: (a) => a.v,
};
