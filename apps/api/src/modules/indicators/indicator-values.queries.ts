import type { Actor } from '../../common/actor';
import { where, type Sql } from '../../persistence/sql';

/**
 * The SQL of indicator values as a table (the indicator-values CSV export): each actual value
 * (`ia`) with its indicator (`i`), its holder — a project (`p`, in its priority area `pa`), or
 * the agreement itself (no project) — its agreement (`a`, whose city is the scope) and the
 * holder's target for the indicator (`it`, when one is set).
 */

/** The filters of the indicator values. */
export interface IndicatorValueFilters {
  agreementId?: string;
  projectId?: string;
  indicatorId?: string;
}

/** Rows by agreement, then priority area and project (the agreement's own values first), indicator and period. */
export const INDICATOR_VALUE_ORDER =
  'a.title ASC, a.id ASC, pa.name_fi ASC NULLS FIRST, p.code ASC NULLS FIRST, p.id ASC NULLS FIRST, ' +
  'i.code ASC, ia.period ASC, ia.id ASC';

/**
 * FROM … WHERE … of the indicator values matching the filters in the actor's scope. The holder's
 * target is the one of the same indicator, agreement and project (none: the agreement's own).
 */
export function indicatorValuesFrom(sql: Sql, filters: IndicatorValueFilters, actor: Actor, joins = ''): string {
  return `FROM indicator_actuals ia
    JOIN indicators i ON i.id = ia.indicator_id
    JOIN agreements a ON a.id = ia.agreement_id
    LEFT JOIN projects p ON p.id = ia.project_id
    LEFT JOIN priority_areas pa ON pa.id = p.priority_area_id
    LEFT JOIN indicator_targets it ON it.indicator_id = ia.indicator_id AND it.agreement_id = ia.agreement_id
      AND it.project_id IS NOT DISTINCT FROM ia.project_id
    ${joins}
    WHERE ${where([
      sql.scope(actor, 'a.city_id'),
      sql.equals('ia.agreement_id', filters.agreementId),
      sql.equals('ia.project_id', filters.projectId),
      sql.equals('ia.indicator_id', filters.indicatorId),
    ])}`;
}
