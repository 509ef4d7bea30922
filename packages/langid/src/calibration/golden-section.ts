/** Golden-section search: the minimum of a unimodal function on an interval, without derivatives. */

const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

export interface GoldenSectionOptions {
  /** Stop when the bracket is narrower than this. Default 1e-6. */
  readonly tolerance?: number;
  /** Upper bound on function evaluations. Default 200. */
  readonly maxIterations?: number;
}

/** The argument in [lower, upper] that minimises `f`, assuming `f` is unimodal there. */
export function goldenSectionMinimum(f: (x: number) => number, lower: number, upper: number, options: GoldenSectionOptions = {}): number {
  const { tolerance = 1e-6, maxIterations = 200 } = options;
  if (!(lower < upper)) throw new RangeError(`golden-section search needs lower < upper, got [${lower}, ${upper}]`);
  let a = lower;
  let b = upper;
  let c = b - INVERSE_PHI * (b - a);
  let d = a + INVERSE_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < maxIterations && b - a > tolerance; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_PHI * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
