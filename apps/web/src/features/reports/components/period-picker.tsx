import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentYear, periodYear, yearChoices, yearPeriod, type Period } from '../lib/period';
import { SelectField, TextField } from '../../../components/fields';

const CUSTOM = 'custom';

/**
 * The report's period: a calendar year (the current one by default), or a date range of one's
 * own. Choosing a year applies it at once; a custom range is applied with its button, after a
 * check that it does not end before it starts (the API checks the rest and says so).
 */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (next: Period) => void }) {
  const { t } = useTranslation();
  const year = periodYear(period);
  const [custom, setCustom] = useState(year === null);
  const [draft, setDraft] = useState<Period>(period);
  const [error, setError] = useState<string | undefined>();

  const chooseYear = (value: string) => {
    setError(undefined);
    if (value === CUSTOM) {
      setCustom(true);
      setDraft(period);
      return;
    }
    setCustom(false);
    onChange(yearPeriod(Number(value)));
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to) {
      setError(t('reports.period.missing'));
      return;
    }
    if (draft.to < draft.from) {
      setError(t('reports.period.reversed'));
      return;
    }
    setError(undefined);
    onChange(draft);
  };

  return (
    <form className="report-period" aria-label={t('reports.period.label')} onSubmit={apply}>
      <SelectField
        label={t('reports.period.year')}
        value={custom ? CUSTOM : String(year ?? '')}
        onChange={(e) => chooseYear(e.target.value)}
      >
        {yearChoices(currentYear(), year).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
        <option value={CUSTOM}>{t('reports.period.custom')}</option>
      </SelectField>
      {custom && (
        <>
          <TextField
            type="date"
            label={t('reports.period.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            required
          />
          <TextField
            type="date"
            label={t('reports.period.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            error={error}
            required
          />
          <div className="field report-period__apply">
            <button type="submit">{t('reports.period.apply')}</button>
          </div>
        </>
      )}
    </form>
  );
}
