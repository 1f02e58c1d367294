export interface ChartSeries {
  name: string;
  /** A Tailwind fill class, e.g. "fill-brand-500". */
  fillClass: string;
  swatchClass: string;
  values: number[];
}

const HEIGHT = 160;
const GAP = 2;

/**
 * Grouped vertical bars in plain SVG, one group per label. Screen readers get the title,
 * a summary and the numbers as a table; sighted users get the bars and a legend.
 */
export function BarChart({ id, title, labels, series, format }: { id: string; title: string; labels: string[]; series: ChartSeries[]; format: (value: number) => string }) {
  const max = Math.max(0, ...series.flatMap((entry) => entry.values));
  const groupWidth = 100 / Math.max(1, labels.length);
  const barWidth = (groupWidth - GAP) / Math.max(1, series.length);
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const summary = series.map((entry) => `${entry.name}: ${format(total(entry.values))} in total`).join('; ');
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption id={`${id}-title`} className="flex flex-wrap items-center justify-between gap-2 text-sm font-semibold">
        {title}
        <span className="flex gap-3 text-xs font-normal text-slate-600">
          {series.map((entry) => (
            <span key={entry.name} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${entry.swatchClass}`} />
              {entry.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" className="mt-3 h-40 w-full">
        <desc id={`${id}-desc`}>{summary}. Peak {format(max)} per day.</desc>
        <line x1="0" x2="100" y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-slate-200" strokeWidth="1" vectorEffect="non-scaling-stroke" />
        {labels.map((label, group) =>
          series.map((entry, index) => {
            const value = entry.values[group] ?? 0;
            const height = max > 0 ? (value / max) * (HEIGHT - 4) : 0;
            return (
              <rect
                key={`${label}-${entry.name}`}
                x={group * groupWidth + GAP / 2 + index * barWidth}
                y={HEIGHT - height}
                width={barWidth}
                height={height}
                className={entry.fillClass}
              >
                <title>{`${label} · ${entry.name}: ${format(value)}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <div aria-hidden="true" className="mt-1 flex justify-between text-[10px] tabular-nums text-slate-500">
        <span>{labels[0]}</span>
        <span>max {format(max)}</span>
        <span>{labels.at(-1)}</span>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((entry) => (
              <th key={entry.name} scope="col">
                {entry.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, group) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((entry) => (
                <td key={entry.name}>{format(entry.values[group] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
