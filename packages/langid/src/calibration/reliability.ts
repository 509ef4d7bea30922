/**
 * Reliability diagram and expected calibration error with equal-width confidence bins (Guo et al. 2017;
 * 15 bins as in their experiments and most later LangID/MT calibration work). Bin m holds confidences in
 * ((m-1)/M, m/M]; confidence 0 goes to the first bin.
 */

export const DEFAULT_CALIBRATION_BINS = 15;

export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean confidence and accuracy of the bin's samples; 0 when the bin is empty. */
  readonly confidence: number;
  readonly accuracy: number;
}

export function reliabilityBins(confidences: readonly number[], correct: readonly boolean[], bins = DEFAULT_CALIBRATION_BINS): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  if (confidences.length !== correct.length) {
    throw new RangeError(`got ${confidences.length} confidences but ${correct.length} correctness flags`);
  }
  const counts = new Array<number>(bins).fill(0);
  const confidenceSums = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  confidences.forEach((confidence, i) => {
    if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`confidence ${i} is ${confidence}, not in [0, 1]`);
    const bin = Math.min(bins - 1, Math.max(0, Math.ceil(confidence * bins) - 1));
    counts[bin] = (counts[bin] ?? 0) + 1;
    confidenceSums[bin] = (confidenceSums[bin] ?? 0) + confidence;
    if (correct[i]) hits[bin] = (hits[bin] ?? 0) + 1;
  });
  return counts.map((count, bin) => ({
    lower: bin / bins,
    upper: (bin + 1) / bins,
    count,
    confidence: count === 0 ? 0 : (confidenceSums[bin] ?? 0) / count,
    accuracy: count === 0 ? 0 : (hits[bin] ?? 0) / count,
  }));
}

/** ECE = Σ_bins (n_bin / N) · |accuracy_bin − confidence_bin|; 0 for no samples. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = DEFAULT_CALIBRATION_BINS): number {
  return eceOfBins(reliabilityBins(confidences, correct, bins));
}

export function eceOfBins(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return 0;
  return bins.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.accuracy - bin.confidence), 0);
}
