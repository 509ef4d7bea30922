/** The reliability diagram as inline SVG (bars = accuracy per confidence bin, diagonal = perfect calibration). */
import type { ReliabilityBin } from '../calibration/reliability.js';

const SIZE = 240;
const MARGIN = 32;

export function reliabilityDiagramSvg(bins: readonly ReliabilityBin[]): string {
  const plot = SIZE - 2 * MARGIN;
  const x = (value: number): number => MARGIN + value * plot;
  const y = (value: number): number => SIZE - MARGIN - value * plot;
  const bars = bins
    .filter((bin) => bin.count > 0)
    .map((bin) => {
      const width = (x(bin.upper) - x(bin.lower) - 1).toFixed(1);
      const title = `${bin.lower.toFixed(2)}–${bin.upper.toFixed(2)}: ${bin.count} predictions, accuracy ${bin.accuracy.toFixed(3)}, confidence ${bin.confidence.toFixed(3)}`;
      return `<rect x="${x(bin.lower).toFixed(1)}" y="${y(bin.accuracy).toFixed(1)}" width="${width}" height="${(bin.accuracy * plot).toFixed(1)}" fill="#54aeff"><title>${title}</title></rect>`;
    })
    .join('');
  const ticks = [0, 0.5, 1]
    .map((t) => `<text x="${x(t)}" y="${SIZE - MARGIN + 14}" text-anchor="middle">${t}</text><text x="${MARGIN - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" font-size="10" role="img" aria-label="reliability diagram">` +
    `<rect x="${MARGIN}" y="${MARGIN}" width="${plot}" height="${plot}" fill="none" stroke="#d0d7de"/>${bars}` +
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#cf222e" stroke-dasharray="4 3"/>${ticks}` +
    `<text x="${SIZE / 2}" y="${SIZE - 4}" text-anchor="middle">confidence</text>` +
    `<text x="10" y="${SIZE / 2}" text-anchor="middle" transform="rotate(-90 10 ${SIZE / 2})">accuracy</text></svg>`
  );
}
