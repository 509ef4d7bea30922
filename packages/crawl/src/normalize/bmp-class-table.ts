/**
 * Per-code-unit lookup tables for hot loops: testing a Unicode property regex per character
 * costs ~100 ns, a typed-array read ~1 ns. Built once per table (≈65k classifications, tens of ms).
 * Surrogate code units get whatever `classify` returns for them (the lone surrogate string),
 * so callers that care about astral characters handle surrogate pairs themselves.
 */
function buildBmpTable<T extends Uint8Array | Uint16Array>(
  ArrayType: new (length: number) => T,
  classify: (char: string, codePoint: number) => number,
): T {
  const table = new ArrayType(0x10000);
  for (let codePoint = 0; codePoint < 0x10000; codePoint++) {
    table[codePoint] = classify(String.fromCharCode(codePoint), codePoint);
  }
  return table;
}

/** Returns a getter that builds the table on first use, so importing a module stays free. */
export function lazyBmpTable<T extends Uint8Array | Uint16Array>(
  ArrayType: new (length: number) => T,
  classify: (char: string, codePoint: number) => number,
): () => T {
  let table: T | undefined;
  return () => (table ??= buildBmpTable(ArrayType, classify));
}

/** The common case: a class per code unit that fits in a byte. */
export function lazyBmpClassTable(classify: (char: string, codePoint: number) => number): () => Uint8Array {
  return lazyBmpTable(Uint8Array, classify);
}
