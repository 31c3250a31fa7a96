import { LIFECYCLE_STATUSES, PROJECT_KINDS } from '@salkku/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import { useAgreements, usePriorityAreas, type Agreement, type PriorityArea } from '../../../lib/api/portfolio-choices';
import type { ProjectSort } from '../api/get-projects';
import {
  DEFAULT_SORT,
  HEALTH_FILTERS,
  isFiltered,
  PROJECT_SORT_KEYS,
  projectListSearch,
  type ProjectListFilterChange,
  type ProjectListView,
} from '../hooks/use-project-list-view';
import { SelectField } from '../../../components/fields';

export interface ProjectFiltersProps {
  view: ProjectListView;
  onFiltersChange: (change: ProjectListFilterChange) => void;
  onSortChange: (sort: ProjectSort) => void;
}

/**
 * The list's search form (a search landmark): free text applied with the search button (or
 * Enter), and selects that apply at once. Text typed but not yet searched for is applied with a
 * select's change too, so the list always matches what the form shows. The priority areas offered
 * are those of the chosen agreement; choosing another agreement clears the area.
 */
export function ProjectFilters({ view, onFiltersChange, onSortChange }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const agreements = useAgreements();
  const areas = usePriorityAreas(view.agreementId);

  // The text in the search field; it follows the URL when the view changes (back, forward, clear).
  const [text, setText] = useState(view.q ?? '');
  const [textOf, setTextOf] = useState(view.q);
  if (textOf !== view.q) {
    setTextOf(view.q);
    setText(view.q ?? '');
  }

  const change = (filters: ProjectListFilterChange) => onFiltersChange({ q: text.trim() || undefined, ...filters });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change({});
  };
  const chosen = <T extends string>(value: string) => (value === '' ? undefined : (value as T));

  return (
    <form role="search" aria-label={t('projects.filters.label')} className="filters" onSubmit={submit} noValidate>
      <div className="filters__search field">
        <label htmlFor={searchId} className="field__label">
          {t('projects.filters.search')}
        </label>
        <div className="filters__search-row">
          <input
            id={searchId}
            className="field__input"
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit">{t('projects.filters.submit')}</button>
        </div>
      </div>
      <SelectField
        label={t('projects.filters.agreement')}
        value={view.agreementId ?? ''}
        onChange={(event) => change({ agreementId: chosen(event.target.value), priorityAreaId: undefined })}
        emptyChoice={t('projects.filters.allAgreements')}
        choices={agreements.data?.map((agreement) => [agreement.id, agreement.title] as const)}
      />
      <SelectField
        label={t('projects.filters.priorityArea')}
        value={view.priorityAreaId ?? ''}
        onChange={(event) => change({ priorityAreaId: chosen(event.target.value) })}
        emptyChoice={t('projects.filters.all')}
      >
        <PriorityAreaOptions areas={areas.data ?? []} agreements={view.agreementId ? undefined : agreements.data} />
      </SelectField>
      <SelectField
        label={t('projects.filters.lifecycleStatus')}
        value={view.lifecycleStatus ?? ''}
        onChange={(event) => change({ lifecycleStatus: chosen(event.target.value) })}
        emptyChoice={t('projects.filters.all')}
        choices={LIFECYCLE_STATUSES.map((status) => [status, t(`lifecycle.${status}`)] as const)}
      />
      <SelectField
        label={t('projects.filters.health')}
        value={view.health ?? ''}
        onChange={(event) => change({ health: chosen(event.target.value) })}
        emptyChoice={t('projects.filters.all')}
        choices={HEALTH_FILTERS.map((health) => [health, t(`health.${health}`)] as const)}
      />
      <SelectField
        label={t('projects.filters.kind')}
        value={view.kind ?? ''}
        onChange={(event) => change({ kind: chosen(event.target.value) })}
        emptyChoice={t('projects.filters.all')}
        choices={PROJECT_KINDS.map((kind) => [kind, t(`projectPage.kinds.${kind}`)] as const)}
      />
      <SelectField
        label={t('projects.sort.label')}
        value={view.sort ?? DEFAULT_SORT}
        onChange={(event) => onSortChange(event.target.value as ProjectSort)}
        choices={PROJECT_SORT_KEYS.flatMap((key) => [
          [key, t(`projects.sort.${key}.asc`)] as const,
          [`-${key}`, t(`projects.sort.${key}.desc`)] as const,
        ])}
      />
      {isFiltered(view) && (
        <p className="filters__clear">
          <Link to={{ search: projectListSearch({ sort: view.sort, page: 1 }).toString() }}>
            {t('projects.filters.clear')}
          </Link>
        </p>
      )}
    </form>
  );
}

/**
 * The areas as options; with several agreements and none chosen, grouped under their agreement's
 * title (areas of different agreements can share a name).
 */
function PriorityAreaOptions({ areas, agreements }: { areas: PriorityArea[]; agreements: Agreement[] | undefined }) {
  const { language } = useFormat();
  const option = (area: PriorityArea) => (
    <option key={area.id} value={area.id}>
      {localisedName(area, language)}
    </option>
  );
  if (!agreements || agreements.length < 2) return <>{areas.map(option)}</>;
  return (
    <>
      {agreements.map((agreement) => {
        const ofAgreement = areas.filter((area) => area.agreementId === agreement.id);
        return ofAgreement.length === 0 ? null : (
          <optgroup key={agreement.id} label={agreement.title}>
            {ofAgreement.map(option)}
          </optgroup>
        );
      })}
    </>
  );
}
