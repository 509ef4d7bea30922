/**
 * The `fancy_grid` table of Python's tabulate, for string cells (sacrebleu prints its
 * multi-system results with it): columns as wide as their widest line and at least header + 2,
 * one space of padding, multi-line cells top-aligned, widths in code points (tabulate without
 * wcwidth).
 */

export type ColumnAlign = 'left' | 'right' | 'center';

const width = (s: string): number => Array.from(s).length;

/** Python `format(s, '<w' | '>w' | '^w')`; centring puts the odd space on the right. */
function pad(s: string, w: number, align: ColumnAlign): string {
  const fill = Math.max(0, w - width(s));
  if (align === 'right') return ' '.repeat(fill) + s;
  if (align === 'left') return s + ' '.repeat(fill);
  const left = Math.floor(fill / 2);
  return ' '.repeat(left) + s + ' '.repeat(fill - left);
}

const linesOf = (cell: string): string[] => cell.split(/\r\n|\r|\n/u);

/** Render `rows` (cells as strings, '\n' for line breaks) under `headers`. */
export function fancyGrid(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, aligns: readonly ColumnAlign[]): string {
  // tabulate strips aligned cells, then sizes each column to max(header + 2, widest cell line).
  const cols = headers.map((header, c) => {
    const cells = rows.map((r) => (r[c] ?? '').trim());
    const w = Math.max(width(header) + 2, ...cells.flatMap((cell) => linesOf(cell).map(width)));
    return { header, w, cells: cells.map((cell) => linesOf(cell).map((l) => pad(l, w, aligns[c] ?? 'left'))) };
  });
  const rule = (begin: string, fill: string, sep: string, end: string): string => begin + cols.map((c) => fill.repeat(c.w + 2)).join(sep) + end;
  const row = (cells: string[][]): string[] => {
    const n = Math.max(...cells.map((lines) => lines.length));
    return Array.from({ length: n }, (_, i) => `│${cells.map((lines, c) => ` ${lines[i] ?? ' '.repeat((cols[c] as { w: number }).w)} `).join('│')}│`);
  };
  const out = [rule('╒', '═', '╤', '╕'), ...row(cols.map((c, i) => linesOf(c.header).map((l) => pad(l, c.w, aligns[i] ?? 'left')))), rule('╞', '═', '╪', '╡')];
  rows.forEach((_, r) => {
    if (r > 0) out.push(rule('├', '─', '┼', '┤'));
    out.push(...row(cols.map((c) => c.cells[r] as string[])));
  });
  out.push(rule('╘', '═', '╧', '╛'));
  return out.join('\n');
}
