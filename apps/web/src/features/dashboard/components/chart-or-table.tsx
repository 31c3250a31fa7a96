import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A card's chart, with its table one press away instead of always below it: a toggle button
 * ("Näytä taulukkona", aria-pressed) shows the table in the chart's place, and pressing it again
 * brings the chart back. The chart keeps its own text alternative (its figures in words), so a
 * screen reader hears them either way; the button is a real button, reached with Tab.
 */
export function ChartOrTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <>
      <div className="chart-or-table__bar">
        <button
          type="button"
          className="chart-or-table__toggle"
          aria-pressed={asTable}
          aria-controls={id}
          onClick={() => setAsTable((shown) => !shown)}
        >
          <span className="chart-or-table__check" aria-hidden="true">
            {asTable ? '✓' : ''}
          </span>
          {t('chart.showTable')}
        </button>
      </div>
      <div id={id} className="chart-or-table__view">
        {asTable ? table : chart}
      </div>
    </>
  );
}
