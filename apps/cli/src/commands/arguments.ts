import { InvalidArgumentError } from 'commander';

export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return parsed;
}

export function parseNonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`expected an integer ≥ 0, got "${value}"`);
  return parsed;
}

export function parsePositiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return parsed;
}

/** A share in [0, 1). */
export function parseShare(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`expected a share in [0, 1), got "${value}"`);
  return parsed;
}

/** A probability in (0, 1]. */
export function parseProbability(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed <= 1)) throw new InvalidArgumentError(`expected a probability in (0, 1], got "${value}"`);
  return parsed;
}
