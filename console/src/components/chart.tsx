import { label, shortTime } from '../format.js';
import type { OverTime } from '../types.js';

/** One colour per finding category, in a fixed order so a category keeps its colour between renders. */
const PALETTE = ['#c2410c', '#1d4ed8', '#15803d', '#a21caf', '#b45309', '#0e7490', '#be123c', '#4d7c0f', '#6d28d9'];

/**
 * Findings over time by category: stacked bars, one per bucket (plain SVG). The table under it carries the same
 * numbers for screen readers and keyboard users.
 */
export function OverTimeChart({ data, height = 140 }: { data: OverTime; height?: number }) {
  const categories = [...new Set(data.buckets.flatMap((b) => Object.keys(b.counts)))].sort();
  const colour = (c: string) => PALETTE[categories.indexOf(c) % PALETTE.length]!;
  const totals = data.buckets.map((b) => Object.values(b.counts).reduce((a, n) => a + n, 0));
  const max = Math.max(1, ...totals);
  const width = 1000;
  const pad = { left: 36, bottom: 20, top: 8 };
  const plotH = height - pad.bottom - pad.top;
  const n = Math.max(1, data.buckets.length);
  const bw = (width - pad.left) / n;
  const total = totals.reduce((a, t) => a + t, 0);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Findings over time by category: ${total} findings in ${data.buckets.length} buckets of ${data.bucketSeconds / 60} minutes`}
        preserveAspectRatio="none"
      >
        <line x1={pad.left} y1={pad.top + plotH} x2={width} y2={pad.top + plotH} class="axis" />
        <text x={pad.left - 6} y={pad.top + 10} class="tick" text-anchor="end">
          {max}
        </text>
        <text x={pad.left - 6} y={pad.top + plotH} class="tick" text-anchor="end">
          0
        </text>
        {data.buckets.map((b, i) => {
          let y = pad.top + plotH;
          return (
            <g key={b.start}>
              <title>{`${shortTime(b.start)}: ${totals[i]} finding(s)`}</title>
              {categories.map((c) => {
                const v = b.counts[c] ?? 0;
                if (!v) return null;
                const h = (v / max) * plotH;
                y -= h;
                return (
                  <rect
                    key={c}
                    x={pad.left + i * bw + 1}
                    y={y}
                    width={Math.max(1, bw - 2)}
                    height={h}
                    fill={colour(c)}
                  />
                );
              })}
              {i % Math.ceil(n / 8) === 0 && (
                <text x={pad.left + i * bw} y={height - 4} class="tick">
                  {shortTime(b.start).slice(0, 5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {categories.length === 0 && <span>No findings in this period.</span>}
        {categories.map((c) => (
          <span key={c}>
            <i style={{ background: colour(c) }} /> {label(c)} (
            {data.buckets.reduce((a, b) => a + (b.counts[c] ?? 0), 0)})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
