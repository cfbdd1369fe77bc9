/** A horizontal bar chart as accessible inline SVG: a title, and each bar's label and value as text. */
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({
  title,
  bars,
  format = (value) => String(value),
}: {
  title: string;
  bars: Bar[];
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  const labelWidth = 150;
  const width = 480;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${title}-title`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title
          id={`${title}-title`}
        >{`${title}: ${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join(", ")}`}</title>
        {bars.map((bar, index) => {
          const barWidth = ((width - labelWidth - 60) * bar.value) / max;
          const y = index * rowHeight + 4;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart-label">
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(barWidth, 1)}
                height={rowHeight - 10}
                className="chart-bar"
                rx={3}
              />
              <text x={labelWidth + barWidth + 6} y={y + 17} className="chart-value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
