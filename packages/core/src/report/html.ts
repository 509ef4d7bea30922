/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Counts, sizes, shares and durations are right-aligned; words are not. */
const NUMERIC_CELL = /^[-+]?[\d,.]+(?: ?(?:%|s|B|KB|MB|GB|TB))?$/;

/** A table with a proportional bar in the last column; self-contained so the report opens offline. */
export function barTable(headers: string[], rows: Array<{ cells: string[]; value: number }>, maxValue = Math.max(1, ...rows.map((row) => row.value))): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map(({ cells, value }) => {
      const width = ((100 * value) / maxValue).toFixed(1);
      const tds = cells.map((cell) => `<td${NUMERIC_CELL.test(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('');
      return `<tr>${tds}<td class="bar"><span style="width:${width}%"></span></td></tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head}<th></th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function plainTable(headers: string[], rows: string[][]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export const REPORT_CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{padding:.2rem .5rem;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.bar{width:35%}td.bar span{display:block;height:.8rem;background:#54aeff;border-radius:2px}
.cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .9rem;min-width:9rem}
.card b{display:block;font-size:1.3rem}.muted{color:#57606a}details{margin:.5rem 0}code{font-size:12px}
.warn{color:#9a6700}h3{font-size:1rem;margin:.8rem 0 .3rem}summary{cursor:pointer;font-weight:600}
.hists{display:flex;flex-wrap:wrap;gap:.3rem .8rem}.hist{margin:0}.hist figcaption{font-size:10px;max-width:190px}`;
