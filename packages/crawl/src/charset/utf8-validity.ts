/**
 * Bytes of `bytes` that belong to ill-formed UTF-8 sequences, counted the way the WHATWG UTF-8
 * decoder replaces them: each maximal ill-formed subpart (a lead byte and the continuation bytes
 * that were valid so far) becomes one U+FFFD, so this counts those bytes. U+FFFD written as valid
 * UTF-8 (EF BF BD) is not counted.
 */
export function countInvalidUtf8Bytes(bytes: Uint8Array): number {
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const next = bytes[j];
      if (next === undefined || next < lower || next > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
    }
    if (!ok) invalid += j - i;
    i = j;
  }
  return invalid;
}
