import { OptionError, parseOptions } from '@ntl/core';

const schema = {
  minLength: { type: 'integer', default: 10, min: 0, description: 'shortest kept paragraph' },
  mode: { type: 'enum', values: ['exact', 'near'], default: 'exact', description: 'dedup mode' },
} as const;

test('fills defaults and keeps given values', () => {
  expect(parseOptions(schema, { mode: 'near' })).toEqual({ minLength: 10, mode: 'near' });
});

test('rejects unknown, mistyped and out-of-range fields by name', () => {
  expect(() => parseOptions(schema, { minLenght: 3 })).toThrow(/option "minLenght": unknown option; known options: minLength, mode/);
  expect(() => parseOptions(schema, { minLength: 2.5 })).toThrow(OptionError);
  expect(() => parseOptions(schema, { minLength: -1 })).toThrow(/below the minimum 0/);
  expect(() => parseOptions(schema, { mode: 'fuzzy' })).toThrow(/one of exact, near/);
});
