/** Indices and values of the k largest entries, largest first (ties by index). */
export function topK(values: Float32Array, k: number): Array<[number, number]> {
  const best: Array<[number, number]> = [];
  values.forEach((value, index) => {
    if (best.length === k && value <= (best[k - 1] as [number, number])[1]) return;
    let at = best.length;
    while (at > 0 && (best[at - 1] as [number, number])[1] < value) at--;
    best.splice(at, 0, [index, value]);
    if (best.length > k) best.pop();
  });
  return best;
}
