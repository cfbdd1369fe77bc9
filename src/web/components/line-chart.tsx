/** A line chart as accessible inline SVG: the title lists every point, axes are labelled with their range. */
export interface Point {
  label: string;
  value: number | null;
}

export function LineChart({
  title,
  points,
  min = 0,
  max = 1,
  format = (value) => value.toFixed(2),
}: {
  title: string;
  points: Point[];
  min?: number;
  max?: number;
  format?: (value: number) => string;
}) {
  const width = 480;
  const height = 200;
  const pad = { left: 40, right: 12, top: 12, bottom: 36 };
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const x = (index: number) =>
    pad.left + (points.length <= 1 ? innerWidth / 2 : (innerWidth * index) / (points.length - 1));
  const y = (value: number) => pad.top + innerHeight - ((value - min) / (max - min || 1)) * innerHeight;
  const defined = points
    .map((point, index) => ({ ...point, index }))
    .filter((point): point is Point & { value: number; index: number } => point.value !== null);
  const path = defined
    .map((point, order) => `${order === 0 ? "M" : "L"}${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`)
    .join(" ");
  const description = points
    .map((point) => `${point.label}: ${point.value === null ? "—" : format(point.value)}`)
    .join(", ");
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${description}`} width="100%">
        <line x1={pad.left} y1={pad.top} x2={pad.left} y2={pad.top + innerHeight} className="chart-axis" />
        <line
          x1={pad.left}
          y1={pad.top + innerHeight}
          x2={pad.left + innerWidth}
          y2={pad.top + innerHeight}
          className="chart-axis"
        />
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" className="chart-label">
          {format(max)}
        </text>
        <text x={pad.left - 6} y={pad.top + innerHeight} textAnchor="end" className="chart-label">
          {format(min)}
        </text>
        <path d={path} className="chart-line" fill="none" />
        {defined.map((point) => (
          <circle key={point.index} cx={x(point.index)} cy={y(point.value)} r={3.5} className="chart-dot" />
        ))}
        {points.map((point, index) =>
          index % labelEvery === 0 ? (
            <text key={index} x={x(index)} y={height - 12} textAnchor="middle" className="chart-label">
              {point.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
