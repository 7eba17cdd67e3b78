// Number formatting shared by the console and markdown reports.

export const seconds = (ms: number): string => (ms >= 100_000 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(1));
export const ratio = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(3));
export const mb = (x: number): string => x.toFixed(0);
export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
export const count = (n: number): string => n.toLocaleString('en-US');

/** A plain text table, columns padded, the first column left-aligned and the others right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A markdown table, numbers right-aligned. */
export function markdownTable(header: string[], rows: string[][], leftColumns = 1): string {
  const align = header.map((_, i) => (i < leftColumns ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
