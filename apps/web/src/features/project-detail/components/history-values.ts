import {
  FUNDING_DECISION_STATUSES,
  FUNDING_INSTRUMENTS,
  HEALTH_VALUES,
  isIsoDate,
  isMoney,
  LIFECYCLE_STATUSES,
  MILESTONE_STATUSES,
  INDICATOR_VALUE_PATTERN,
  PROJECT_KINDS,
  REPORTING_PERIOD_PATTERN,
} from '@salkku/shared';
import type { TFunction } from 'i18next';
import type { Formatters } from '../../../lib/format';
import { formatIndicatorValueIn, periodParts } from '../../../lib/indicator-format';
import fi from '../../../lib/locales/fi.json';
import type { FieldChange, HistoryReference } from '../api/get-project-history';
import { formatPercentNumberIn } from './format-extra';

/** Audited fields that hold euros or days: shown in the active language's format. */
const MONEY_FIELDS = new Set(['amount', 'amountGranted', 'budgetShare', 'cap', 'totalBudget']);
const DATE_FIELDS = new Set([
  'completedOn',
  'decisionDate',
  'dueDate',
  'eligibleFrom',
  'eligibleTo',
  'paidOn',
  'plannedEnd',
  'plannedStart',
  'reportingDate',
]);

type FieldName = keyof typeof fi.projectPage.history.fields;

function isKnownField(field: string): field is FieldName {
  return Object.hasOwn(fi.projectPage.history.fields, field);
}

/** The fields of an indicator's target or actual (issue 12), named in the indicators' vocabulary. */
type IndicatorFieldName = keyof typeof fi.indicators.history.fields;

function isIndicatorField(field: string): field is IndicatorFieldName {
  return Object.hasOwn(fi.indicators.history.fields, field);
}

/** Entity types of an indicator's target and actual. */
const INDICATOR_ENTITY_TYPES = ['indicator_target', 'indicator_actual'] as const;
/** Their fields that hold an indicator value (an exact decimal): shown as a number in the language. */
const INDICATOR_VALUE_FIELDS = new Set(['value', 'baselineValue', 'targetValue']);

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The name of a changed field in the language; a field this page does not know keeps its own name. */
export function fieldLabel(field: string, t: TFunction): string {
  if (isKnownField(field)) return t(`projectPage.history.fields.${field}`);
  return isIndicatorField(field) ? t(`indicators.history.fields.${field}`) : field;
}

/** "1. puolivuosi 2025" for 2025-H1 (lib/indicator-format's words, as a plain function). */
function periodLabel(period: string, t: TFunction): string {
  const { year, half } = periodParts(period);
  if (half === 0) return t('indicators.periods.year', { year });
  return t(half === 1 ? 'indicators.periods.firstHalf' : 'indicators.periods.secondHalf', { year });
}

/** A target's yearly targets as recorded ([{ year, value }]): "2026: 8, 2027: 12". */
function yearlyTargetsText(value: unknown, format: Formatters): string | null {
  if (!Array.isArray(value)) return null;
  return value
    .map((item: { year?: unknown; value?: unknown }) =>
      typeof item?.value === 'string' && INDICATOR_VALUE_PATTERN.test(item.value)
        ? `${String(item.year)}: ${formatIndicatorValueIn(item.value, { unit: 'count' }, format.language)}`
        : JSON.stringify(item),
    )
    .join(', ');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A value of a change as a person reads it: money and dates in the language's format, statuses
 * and other codes translated, a record's id as its name (the API names them in `references`;
 * one deleted since is said to be so), nothing as "(empty)". Anything else is shown as recorded.
 */
export function historyValue(
  field: string,
  value: FieldChange['old'],
  entityType: string | null,
  references: readonly HistoryReference[],
  t: TFunction,
  format: Formatters,
): string {
  if (value === null || value === '') return t('projectPage.history.emptyValue');
  if (typeof value === 'boolean') return value ? t('projectPage.history.yes') : t('projectPage.history.no');
  const indicatorRecord = entityType !== null && isOneOf(INDICATOR_ENTITY_TYPES, entityType);
  if (indicatorRecord && field === 'milestones') {
    // The audit trail keeps the yearly targets as recorded: a list, which the API's type leaves unsaid.
    const yearly = yearlyTargetsText(value as unknown, format);
    if (yearly !== null) return yearly || t('projectPage.history.emptyValue');
  }
  const text = String(value);
  if (indicatorRecord && field === 'period' && REPORTING_PERIOD_PATTERN.test(text)) return periodLabel(text, t);
  if (indicatorRecord && INDICATOR_VALUE_FIELDS.has(field) && INDICATOR_VALUE_PATTERN.test(text)) {
    return formatIndicatorValueIn(text, { unit: 'count' }, format.language);
  }
  if (UUID.test(text)) {
    const named = references.find((r) => r.id.toLowerCase() === text.toLowerCase());
    return named ? named.name : t('projectPage.history.deletedRecord');
  }
  if (MONEY_FIELDS.has(field) && isMoney(text)) return format.money(text);
  if (DATE_FIELDS.has(field) && isIsoDate(text)) return format.date(text);
  if (field === 'coFundingRate')
    return t('projectPage.percent', { value: formatPercentNumberIn(text, format.language) });
  if (field === 'lifecycleStatus' && isOneOf(LIFECYCLE_STATUSES, text)) return t(`lifecycle.${text}`);
  if (field === 'health' && isOneOf(HEALTH_VALUES, text)) return t(`health.${text}`);
  if (field === 'instrument' && isOneOf(FUNDING_INSTRUMENTS, text)) return t(`projectPage.instruments.${text}`);
  if (field === 'kind' && entityType === 'project' && isOneOf(PROJECT_KINDS, text)) {
    return t(`projectPage.kinds.${text}`);
  }
  if (field === 'status' && entityType === 'milestone' && isOneOf(MILESTONE_STATUSES, text)) {
    return t(`projectPage.milestones.statuses.${text}`);
  }
  if (field === 'status' && entityType === 'funding_decision' && isOneOf(FUNDING_DECISION_STATUSES, text)) {
    return t(`projectPage.decisionStatuses.${text}`);
  }
  return text;
}

const ENTITY_TYPES = [
  'project',
  'project_partner',
  'funding_decision',
  'payment',
  'milestone',
  'status_report',
] as const;

/** "Rahoituspäätös" for funding_decision; an entity type this page does not know keeps its own name. */
export function entityLabel(entityType: string | null, t: TFunction): string {
  if (entityType === null) return '';
  if (isOneOf(INDICATOR_ENTITY_TYPES, entityType)) return t(`indicators.history.entityTypes.${entityType}`);
  return isOneOf(ENTITY_TYPES, entityType) ? t(`projectPage.history.entityTypes.${entityType}`) : entityType;
}
