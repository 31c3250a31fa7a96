import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChartFigure } from '../../../components/bar-chart-figure';
import { DataTable } from '../../../components/data-table';
import { CHART_COLOURS, FundingChart } from '../../../components/funding-chart';
import { GrantedMoney } from '../../../components/granted-money';
import { HealthLabel } from '../../../components/health-label';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import type { Dashboard } from '../api/get-dashboard';
import { ChartOrTable } from './chart-or-table';
import { DashboardCard as Card, SECTION_IDS } from './dashboard-section';

/**
 * The dashboard's charts: projects by lifecycle status and by health, funding by priority area and
 * by funder, each with its table one toggle away. Loaded on demand (dashboard-page.tsx).
 */
export function DashboardCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <CountCard
        texts="dashboard.lifecycle"
        rows={data.projectsByLifecycle.map((row) => ({
          key: row.lifecycleStatus,
          name: t(`lifecycle.${row.lifecycleStatus}`),
          count: row.count,
        }))}
      />
      <CountCard
        texts="dashboard.health"
        rows={data.projectsByHealth.map((row) => ({
          key: row.health,
          name: t(`health.${row.health}`),
          label: <HealthLabel health={row.health === 'none' ? null : row.health} />,
          count: row.count,
        }))}
        colours={data.projectsByHealth.map((row) => CHART_COLOURS.health[row.health])}
      />
      <FundingCard
        title={t('dashboard.funding.byArea')}
        nameColumn={t('dashboard.funding.area')}
        rows={data.fundingByPriorityArea.map((row) => ({
          key: row.priorityArea.id,
          name: localisedName(row.priorityArea, format.language),
          ...row,
        }))}
      />
      <FundingCard
        id={SECTION_IDS.funding}
        title={t('dashboard.funding.byFunder')}
        nameColumn={t('dashboard.funding.funder')}
        rows={data.fundingByFunder.map((row) => ({ key: row.funder.id, name: row.funder.name, ...row }))}
      />
    </>
  );
}

interface CountRow {
  key: string;
  name: string;
  /** How the row's name is shown in the table (the name unless given). */
  label?: ReactNode;
  count: number;
}

/**
 * Projects counted by one property (lifecycle status, health): a bar chart with the counts in its
 * text alternative, and the same counts in a table. `texts` is where the card's words are.
 */
function CountCard({
  texts,
  rows,
  colours,
}: {
  texts: 'dashboard.lifecycle' | 'dashboard.health';
  rows: CountRow[];
  colours?: string[];
}) {
  const { t } = useTranslation();
  const title = t(`${texts}.title`);
  const summary = rows.map((row) => `${row.name} ${row.count}`).join(', ');
  return (
    <Card title={title}>
      <ChartOrTable
        chart={
          <BarChartFigure
            className="dashboard-chart"
            label={t(`${texts}.chart`, { summary })}
            data={rows.map((row) => ({ name: row.name, count: row.count }))}
            categoryKey="name"
            series={[{ key: 'count', label: t(`${texts}.count`), colour: CHART_COLOURS.primary }]}
            colours={colours}
            unit={t(`${texts}.unit`)}
            empty={t(`${texts}.empty`)}
            layout="rows"
          />
        }
        table={
          <DataTable
            caption={title}
            className="data-table dashboard-table"
            columns={[t(`${texts}.column`), { label: t(`${texts}.count`), numeric: true }]}
            scroll={false}
          >
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label ?? row.name}</th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />
    </Card>
  );
}

interface FundingRow {
  key: string;
  name: string;
  granted: string;
  paid: string;
  remaining: string;
  unknownAmounts: number;
}

function FundingCard({
  id,
  title,
  nameColumn,
  rows,
}: {
  id?: string;
  title: string;
  nameColumn: string;
  rows: FundingRow[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = {
    granted: t('dashboard.funding.granted'),
    paid: t('dashboard.funding.paid'),
    remaining: t('dashboard.funding.remaining'),
  };
  return (
    <Card id={id} title={title} wide>
      {rows.length === 0 ? (
        <p>{t('dashboard.funding.empty')}</p>
      ) : (
        <ChartOrTable
          chart={
            <FundingChart
              className="dashboard-chart"
              groups={rows}
              texts="dashboard.funding"
              unit={t('dashboard.funding.unit')}
              empty={t('dashboard.funding.chartEmpty')}
              layout="rows"
            />
          }
          table={
            <DataTable
              caption={title}
              className="data-table dashboard-table"
              columns={[
                nameColumn,
                { label: labels.granted, numeric: true },
                { label: labels.paid, numeric: true },
                { label: labels.remaining, numeric: true },
              ]}
            >
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td className="num">
                      <GrantedMoney
                        amount={row.granted}
                        unknownAmounts={row.unknownAmounts}
                        text="dashboard.funding.unknown"
                      />
                    </td>
                    <td className="num">{format.money(row.paid)}</td>
                    <td className="num">{format.money(row.remaining)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          }
        />
      )}
    </Card>
  );
}
