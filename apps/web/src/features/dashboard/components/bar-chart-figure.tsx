import { Bar, BarChart, CartesianGrid, Cell, Legend, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  /** Property of each datum holding this series' value. */
  key: string;
  label: string;
  colour: string;
}

export interface BarChartFigureProps {
  /** The chart's text alternative, read instead of the drawing (role="img"). */
  label: string;
  data: Array<Record<string, string | number>>;
  /** Property of each datum naming its category (x axis). */
  categoryKey: string;
  series: ChartSeries[];
  /** One colour per datum (single series only), e.g. health colours. */
  colours?: string[];
  formatValue?: (value: number) => string;
}

const WIDTH = 560;
const HEIGHT = 260;

/**
 * A bar chart (recharts) drawn at a fixed size and scaled by CSS (the SVG keeps its viewBox), so
 * it needs no layout measuring. The drawing is one image with a text summary for screen
 * readers; the same figures are in a table next to it.
 */
export function BarChartFigure({ label, data, categoryKey, series, colours, formatValue }: BarChartFigureProps) {
  return (
    <div className="dashboard-chart" role="img" aria-label={label}>
      <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ left: 16, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          allowDecimals={false}
          tickFormatter={formatValue}
          width={formatValue ? 80 : 40}
          tick={{ fontSize: 12 }}
        />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false}>
            {colours && data.map((_, index) => <Cell key={index} fill={colours[index % colours.length]} />)}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
