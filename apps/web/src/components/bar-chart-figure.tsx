import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts';

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
  /** Stack the series (parts of one whole, such as a health mix) instead of setting them side by side. */
  stacked?: boolean;
  formatValue?: (value: number) => string;
  /** Drawing width in SVG units (the figure scales to its box by CSS). */
  width?: number;
  /** The figure's class (its feature's styles: size, print width). */
  className: string;
}

const HEIGHT = 260;

/**
 * A bar chart (recharts) drawn at a fixed size and scaled by CSS (the SVG keeps its viewBox), so
 * it needs no layout measuring and prints at the width of the page. The drawing is one image with
 * a text summary for screen readers; the same figures are always in a table next to it. Used by
 * the dashboard and the reports; loaded only with them (recharts is not in the first chunk).
 * The legend is HTML below the drawing, not recharts' own: it wraps at any width instead of being
 * laid over the scaled-down axis labels (or past the edge of a phone's screen).
 */
export function BarChartFigure({
  label,
  data,
  categoryKey,
  series,
  colours,
  stacked,
  formatValue,
  width = 560,
  className,
}: BarChartFigureProps) {
  return (
    <div className={className} role="img" aria-label={label}>
      <BarChart width={width} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ left: 16, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          allowDecimals={false}
          tickFormatter={formatValue}
          width={formatValue ? 80 : 40}
          tick={{ fontSize: 12 }}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.colour}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          >
            {colours && data.map((_, index) => <Cell key={index} fill={colours[index % colours.length]} />)}
          </Bar>
        ))}
      </BarChart>
      {/* The series' own order (on track → none; granted, paid, remaining). */}
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="chart-legend__swatch" style={{ background: s.colour }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
