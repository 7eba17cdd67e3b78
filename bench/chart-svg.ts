// docs/bench/time-vs-n.svg: modelled Apps Script time against N for ours, the naive reference and the ideal
// bound, both axes logarithmic. Hand-written SVG: no script, no external font (generic sans-serif).

export interface ChartPoint {
  n: number;
  seconds: number;
  /** Drawn dashed from the previous point (an extrapolated value). */
  extrapolated?: boolean;
}

export interface ChartSeries {
  name: string;
  color: string;
  points: ChartPoint[];
}

const W = 800;
const H = 460;
const M = { left: 70, right: 230, top: 40, bottom: 60 };

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x: number) => x.toFixed(1);

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

export function timeVsNChart(input: {
  title: string;
  subtitle: string;
  series: ChartSeries[];
  /** Horizontal reference lines, e.g. Apps Script's 6-minute limit. */
  references: { label: string; seconds: number }[];
}): string {
  const all = input.series.flatMap((s) => s.points);
  const ns = all.map((p) => p.n);
  const ys = [...all.map((p) => p.seconds), ...input.references.map((r) => r.seconds)].filter((y) => y > 0);
  const xMin = Math.min(...ns) / 1.3;
  const xMax = Math.max(...ns) * 1.3;
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (n: number) =>
    M.left + ((Math.log10(n) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotW;
  const y = (s: number) =>
    M.top + plotH - ((Math.log10(s) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotH;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${M.left}" y="20" font-size="15" font-weight="bold">${esc(input.title)}</text>`,
    `<text x="${M.left}" y="35" fill="#555555">${esc(input.subtitle)}</text>`,
  );
  for (const t of yTicks) {
    parts.push(
      `<line x1="${M.left}" y1="${fmt(y(t))}" x2="${M.left + plotW}" y2="${fmt(y(t))}" stroke="#e5e5e5"/>`,
      `<text x="${M.left - 8}" y="${fmt(y(t) + 4)}" text-anchor="end">${t >= 1 ? t.toLocaleString('en-US') : t} s</text>`,
    );
  }
  for (const n of [...new Set(ns)].sort((a, b) => a - b)) {
    parts.push(
      `<line x1="${fmt(x(n))}" y1="${M.top}" x2="${fmt(x(n))}" y2="${M.top + plotH}" stroke="#e5e5e5"/>`,
      `<text x="${fmt(x(n))}" y="${M.top + plotH + 18}" text-anchor="middle">${n.toLocaleString('en-US')}</text>`,
    );
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999999"/>`,
    `<text x="${M.left + plotW / 2}" y="${H - 18}" text-anchor="middle">N (job IDs), log scale</text>`,
    `<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">modelled Apps Script time, log scale</text>`,
  );
  for (const ref of input.references) {
    parts.push(
      `<line x1="${M.left}" y1="${fmt(y(ref.seconds))}" x2="${M.left + plotW}" y2="${fmt(y(ref.seconds))}" stroke="#aa3333" stroke-dasharray="2 4"/>`,
      `<text x="${M.left + 6}" y="${fmt(y(ref.seconds) - 5)}" fill="#aa3333">${esc(ref.label)}</text>`,
    );
  }
  input.series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a.n - b.n);
    for (let k = 1; k < pts.length; k++) {
      const dash = pts[k].extrapolated ? ' stroke-dasharray="6 4"' : '';
      parts.push(
        `<line x1="${fmt(x(pts[k - 1].n))}" y1="${fmt(y(pts[k - 1].seconds))}" x2="${fmt(x(pts[k].n))}" y2="${fmt(y(pts[k].seconds))}" stroke="${s.color}" stroke-width="2.5"${dash}/>`,
      );
    }
    for (const p of pts) {
      const fill = p.extrapolated ? '#ffffff' : s.color;
      parts.push(
        `<circle cx="${fmt(x(p.n))}" cy="${fmt(y(p.seconds))}" r="4" fill="${fill}" stroke="${s.color}" stroke-width="2"/>`,
        `<text x="${fmt(x(p.n) + 7)}" y="${fmt(y(p.seconds) - 7)}" fill="${s.color}" font-size="11">${p.seconds >= 100 ? p.seconds.toFixed(0) : p.seconds.toFixed(1)} s</text>`,
      );
    }
    const ly = M.top + 20 + i * 22;
    parts.push(
      `<line x1="${W - M.right + 18}" y1="${ly}" x2="${W - M.right + 42}" y2="${ly}" stroke="${s.color}" stroke-width="2.5"/>`,
      `<text x="${W - M.right + 48}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  const noteY = M.top + 20 + input.series.length * 22 + 8;
  parts.push(
    `<line x1="${W - M.right + 18}" y1="${noteY}" x2="${W - M.right + 42}" y2="${noteY}" stroke="#777777" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${W - M.right + 48}" y="${noteY + 4}">extrapolated</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
