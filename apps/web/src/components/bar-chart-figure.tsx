import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../lib/format';
import { valueAxis } from './value-axis';
import './bar-chart-figure.css';

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
  /** Text of a value on the axis (money, say); whole numbers in the active language unless given. */
  formatValue?: (value: number) => string;
  /** The figure's class (its feature's styles: spacing, print). */
  className: string;
  /** The chart's title, shown above it (a card's heading can stand in for it: leave it out there). */
  title?: string;
  /** What the values are, shown at the top of the value axis ("Hankkeita, kpl", "Euroa"). */
  unit?: string;
  /**
   * Said instead of the drawing when every value is zero (or there is nothing): a sentence such as
   * "Nothing granted yet" reads, an empty 0–4 axis does not. A general sentence unless given.
   */
  empty?: string;
  /**
   * "columns" (the default): upright bars over a value axis, for periods and stacked mixes.
   * "rows": a bar per line with its category's name before it and its value after it, no axis:
   * long Finnish names stay whole and it fits a phone. With several series each category is a
   * line of its own with a bar per series, each named, so no legend is needed.
   */
  layout?: 'columns' | 'rows';
}

/** Share of a category's width its bars take: one bar, or a group of bars side by side. */
const SINGLE_BAR = 0.56;
const BAR_GROUP = 0.8;
/** Gap between the bars of a group, as a share of the category's width. */
const BAR_GAP = 0.02;

const percent = (share: number) => `${Number((share * 100).toFixed(4))}%`;

/** A bar: where it starts across the category axis and how wide it is, and the values it spans. */
interface Bar {
  key: string;
  x: number;
  width: number;
  from: number;
  to: number;
  colour: string;
}

/** The bars of every category, in shares of the plot's width. */
function barsOf({
  data,
  series,
  colours,
  stacked,
}: Pick<BarChartFigureProps, 'data' | 'series' | 'colours' | 'stacked'>) {
  const band = 1 / Math.max(1, data.length);
  const value = (datum: Record<string, string | number>, key: string) => Number(datum[key] ?? 0) || 0;
  return data.flatMap((datum, index): Bar[] => {
    const left = index * band;
    if (stacked || series.length === 1) {
      const width = band * SINGLE_BAR;
      const x = left + (band - width) / 2;
      // Stacked from zero in the series' order: positives upwards, negatives downwards.
      let above = 0;
      let below = 0;
      return series.map((s) => {
        const v = value(datum, s.key);
        const from = v >= 0 ? above : below;
        if (v >= 0) above += v;
        else below += v;
        const colour = series.length === 1 && colours ? (colours[index % colours.length] ?? s.colour) : s.colour;
        return { key: `${index}:${s.key}`, x, width, from: stacked ? from : 0, to: stacked ? from + v : v, colour };
      });
    }
    const group = band * BAR_GROUP;
    const gap = band * BAR_GAP;
    const width = (group - gap * (series.length - 1)) / series.length;
    const start = left + (band - group) / 2;
    return series.map((s, i) => ({
      key: `${index}:${s.key}`,
      x: start + i * (width + gap),
      width,
      from: 0,
      to: value(datum, s.key),
      colour: s.colour,
    }));
  });
}

/**
 * Is the element wider than its box (its content scrolls sideways)? Followed as it resizes; never
 * in jsdom, which lays nothing out. Returns the callback ref for the element, and the answer.
 */
function useOverflowsSideways() {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setOverflows(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, overflows] as const;
}

/**
 * A bar chart drawn by Salkku itself: the bars and grid lines are an SVG laid out in percentages
 * of its box, so it needs no layout measuring, fills any width and prints at the width of the page;
 * the text (the value axis, the category names and the legend) is HTML at the page's own sizes, so
 * it stays readable on a phone and wraps instead of overlapping. The drawing is one image with a
 * text summary for screen readers; the same figures are in a table one toggle away (the dashboard)
 * or next to it (the reports). A title and the values' unit are shown above the drawing when given;
 * with nothing but zeros a sentence stands in for an empty axis. With more
 * categories than fit, the chart scrolls sideways in a region that takes keyboard focus, and the
 * value axis stays in view. Used by the dashboard and the reports.
 */
export function BarChartFigure({
  label,
  data,
  categoryKey,
  series,
  colours,
  stacked,
  formatValue,
  className,
  title,
  unit,
  empty,
  layout = 'columns',
}: BarChartFigureProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const [scrollBox, scrolls] = useOverflowsSideways();

  const bars = barsOf({ data, series, colours, stacked });
  const heading = title && <p className="bar-chart-figure__title">{title}</p>;
  if (bars.every((bar) => bar.from === bar.to)) {
    return (
      <div className={`${className} bar-chart-figure bar-chart-figure--empty`}>
        {heading}
        <p className="bar-chart-figure__empty">{empty ?? t('chart.empty')}</p>
      </div>
    );
  }
  const wholeNumber = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 0 });
  const tickText = formatValue ?? ((value: number) => wholeNumber.format(value));
  if (layout === 'rows') {
    return (
      <div className={`${className} bar-chart-figure bar-chart-figure--rows`}>
        {heading}
        {unit && (
          <p className="bar-chart-figure__unit" aria-hidden="true">
            {unit}
          </p>
        )}
        <BarRows
          label={label}
          data={data}
          categoryKey={categoryKey}
          series={series}
          colours={colours}
          text={tickText}
        />
      </div>
    );
  }
  const axis = valueAxis(
    bars.flatMap((bar) => [bar.from, bar.to]),
    { wholeNumbers: !formatValue },
  );
  /** A value's height on the plot, from the top (0) to the bottom (1). */
  const y = (value: number) => (axis.max - value) / (axis.max - axis.min);
  const grouped = !stacked && series.length > 1;
  const size = {
    '--bar-chart-categories': Math.max(1, data.length),
    '--bar-chart-category-width': grouped ? '7rem' : '5rem',
  } as CSSProperties;

  return (
    <div className={`${className} bar-chart-figure${grouped ? ' bar-chart-figure--grouped' : ''}`}>
      {heading}
      {unit && (
        <p className="bar-chart-figure__unit" aria-hidden="true">
          {unit}
        </p>
      )}
      <div className="bar-chart" style={size}>
        {/* The value axis, top to bottom (the figures are in the text alternative). */}
        <div className="bar-chart__ticks" aria-hidden="true">
          {[...axis.ticks].reverse().map((tick) => (
            <span key={tick}>{tickText(tick)}</span>
          ))}
        </div>
        <div
          ref={scrollBox}
          className="bar-chart__scroll"
          {...(scrolls ? { role: 'region', 'aria-label': t('chart.scroll'), tabIndex: 0 } : {})}
        >
          <div className="bar-chart__body" role="img" aria-label={label}>
            <svg className="bar-chart__plot" focusable="false" aria-hidden="true">
              {axis.ticks.map((tick) => (
                <line
                  key={tick}
                  className="bar-chart__grid"
                  x1="0"
                  x2="100%"
                  y1={percent(y(tick))}
                  y2={percent(y(tick))}
                />
              ))}
              {bars
                .filter((bar) => bar.from !== bar.to)
                .map((bar) => (
                  <rect
                    key={bar.key}
                    x={percent(bar.x)}
                    width={percent(bar.width)}
                    y={percent(y(Math.max(bar.from, bar.to)))}
                    height={percent(Math.abs(bar.to - bar.from) / (axis.max - axis.min))}
                    fill={bar.colour}
                    className={stacked ? 'bar-chart__bar bar-chart__bar--stacked' : 'bar-chart__bar'}
                  />
                ))}
              <line className="bar-chart__baseline" x1="0" x2="100%" y1={percent(y(0))} y2={percent(y(0))} />
            </svg>
            <div className="bar-chart__categories" aria-hidden="true">
              {data.map((datum, index) => (
                <span key={index}>{String(datum[categoryKey] ?? '')}</span>
              ))}
            </div>
          </div>
        </div>
      </div>
      {/* The series' own order (on track → none; granted, paid, remaining); named in the text alternative too. */}
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
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

/**
 * The "rows" layout: a line per category (or per category and series), the bar's length a share of
 * the largest value, the value written after it. HTML only: nothing to measure, wraps on a phone.
 */
function BarRows({
  label,
  data,
  categoryKey,
  series,
  colours,
  text,
}: Pick<BarChartFigureProps, 'label' | 'data' | 'categoryKey' | 'series' | 'colours'> & {
  text: (value: number) => string;
}) {
  const value = (datum: Record<string, string | number>, key: string) => Math.max(0, Number(datum[key] ?? 0) || 0);
  const max = Math.max(...data.flatMap((datum) => series.map((s) => value(datum, s.key))));
  const grouped = series.length > 1;
  const bar = (key: string, datum: Record<string, string | number>, s: ChartSeries, colour: string, name: string) => {
    const v = value(datum, s.key);
    return (
      <div className="bar-rows__row" key={key}>
        <span className="bar-rows__name">{name}</span>
        <span className="bar-rows__track">
          {v > 0 && <span className="bar-rows__bar" style={{ width: percent(v / max), background: colour }} />}
        </span>
        <span className="bar-rows__value">{text(v)}</span>
      </div>
    );
  };
  return (
    <div className={grouped ? 'bar-rows bar-rows--grouped' : 'bar-rows'} role="img" aria-label={label}>
      {data.map((datum, index) => {
        const name = String(datum[categoryKey] ?? '');
        if (!grouped) {
          const s = series[0]!;
          return bar(String(index), datum, s, colours?.[index % colours.length] ?? s.colour, name);
        }
        return (
          <div className="bar-rows__group" key={index}>
            <p className="bar-rows__category">{name}</p>
            {series.map((s) => bar(s.key, datum, s, s.colour, s.label))}
          </div>
        );
      })}
    </div>
  );
}
