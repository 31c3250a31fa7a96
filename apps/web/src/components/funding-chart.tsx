import type { Language } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../lib/format';
import { BarChartFigure } from './bar-chart-figure';

/** Colours of the charts: at least 3:1 against white (WCAG 1.4.11), never the only cue (tables and legends). */
export const CHART_COLOURS = {
  primary: '#1f5fa8',
  granted: '#1f5fa8',
  paid: '#2e7d32',
  remaining: '#8a5300',
  health: { on_track: '#2e7d32', at_risk: '#8a5300', off_track: '#b3261e', none: '#616161' },
} as const;

/** A compact euro amount for chart axes ("15 t. €"); the tables carry the exact figures. */
export function compactMoney(language: Language): (value: number) => string {
  const formatter = new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    // "200 t. €", not "200,0 t. €" (engines differ in the currency's default of two decimals).
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return (value) => formatter.format(value);
}

/** A group's funding as the API sends it: exact decimal strings. */
export interface FundingGroup {
  name: string;
  granted: string;
  paid: string;
  remaining: string;
}

/**
 * Granted, paid and remaining funding of some groups (priority areas, funders, agreements) as bars
 * side by side, with every group's figures in its text alternative. `texts` is where the series'
 * names, the summary of a group and the chart's label are translated (the dashboard's or the reports').
 */
export function FundingChart({
  groups,
  texts,
  className,
  title,
  unit,
  empty,
  layout,
}: {
  groups: FundingGroup[];
  texts: 'dashboard.funding' | 'reports.funding';
  className: string;
  /** Shown above the chart (where no heading names it), and what the values are ("Euroa"). */
  title?: string;
  unit: string;
  /** Said instead of an empty chart when nothing is granted or paid. */
  empty: string;
  /** Bars upright (the reports) or as rows (the dashboard): see BarChartFigure. */
  layout?: 'columns' | 'rows';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = groups
    .map((group) =>
      t(`${texts}.summaryItem`, {
        name: group.name,
        granted: format.money(group.granted),
        paid: format.money(group.paid),
        remaining: format.money(group.remaining),
      }),
    )
    .join('; ');
  return (
    <BarChartFigure
      className={className}
      title={title}
      unit={unit}
      empty={empty}
      layout={layout}
      label={t(`${texts}.chart`, { summary })}
      // Numbers only for drawing the bars; every figure shown as text is the exact decimal string.
      data={groups.map((group) => ({
        name: group.name,
        granted: Number(group.granted),
        paid: Number(group.paid),
        remaining: Number(group.remaining),
      }))}
      categoryKey="name"
      formatValue={compactMoney(format.language)}
      series={[
        { key: 'granted', label: t(`${texts}.granted`), colour: CHART_COLOURS.granted },
        { key: 'paid', label: t(`${texts}.paid`), colour: CHART_COLOURS.paid },
        { key: 'remaining', label: t(`${texts}.remaining`), colour: CHART_COLOURS.remaining },
      ]}
    />
  );
}
