import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';

export interface ReportChartSeries {
  /** Property of each datum holding this series' value. */
  key: string;
  label: string;
  colour: string;
}

export interface ReportChartProps {
  /** The chart's text alternative, read instead of the drawing (role="img"). */
  label: string;
  data: Array<Record<string, string | number>>;
  /** Property of each datum naming its category (x axis). */
  categoryKey: string;
  series: ReportChartSeries[];
  /** Stack the series (parts of one whole, such as a health mix) instead of setting them side by side. */
  stacked?: boolean;
  formatValue?: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 260;

/**
 * A bar chart (recharts) drawn at a fixed size and scaled by CSS, so it needs no layout
 * measuring and prints at the width of the page. The drawing is one image with a text summary
 * for screen readers; the same figures are always in a table next to it. (The dashboard has its
 * own, unstacked one: features do not import from each other.)
 */
export function ReportChart({ label, data, categoryKey, series, stacked, formatValue }: ReportChartProps) {
  return (
    <div className="report-chart" role="img" aria-label={label}>
      <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ left: 16, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          allowDecimals={false}
          tickFormatter={formatValue}
          width={formatValue ? 80 : 40}
          tick={{ fontSize: 12 }}
        />
        {/* The series' own order (on track → none; granted, paid, remaining), not alphabetical. */}
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.colour}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
