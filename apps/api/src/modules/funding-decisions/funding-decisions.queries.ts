import type { Actor } from '../../common/actor';
import { SortColumns, where, type PageStatements, type Paging, type Sql } from '../../persistence/sql';
import type { ListFundingDecisionsQuery } from './dto/list-funding-decisions.query';

/**
 * The SQL of funding decisions: the list's filters and sort (the list and the CSV export), a
 * decision's columns with its names and payment totals, and the reference check of writes. A
 * decision's city is its agreement's city.
 */

export const FUNDING_DECISION_SORT = new SortColumns(
  { decisionDate: 'fd.decision_date', amountGranted: 'fd.amount_granted', createdAt: 'fd.created_at' },
  '-decisionDate',
  'fd.id',
);

/** The columns of a decision with its names and payment totals (over FUNDING_DECISION_JOINS). */
const DETAIL_COLUMNS = `
  fd.id, fd.agreement_id AS "agreementId", fd.project_id AS "projectId", fd.funder_id AS "funderId",
  fd.recipient_id AS "recipientId", fd.instrument, fd.decision_body AS "decisionBody",
  fd.decision_date AS "decisionDate", fd.record_number AS "recordNumber",
  fd.amount_granted AS "amountGranted", fd.co_funding_rate AS "coFundingRate", fd.cap,
  fd.eligible_from AS "eligibleFrom", fd.eligible_to AS "eligibleTo", fd.status, fd.conditions,
  fd.version, fd.created_at AS "createdAt", fd.updated_at AS "updatedAt",
  f.name AS "funderName", r.name AS "recipientName", p.code AS "projectCode", p.name AS "projectName",
  pay.paid, (fd.amount_granted - pay.paid)::numeric(15,2) AS remaining, pay.payment_count AS "paymentCount",
  a.city_id AS "cityId"`;

/**
 * A decision's (`fd`) agreement `a`, funder `f`, recipient `r`, project `p` and payment totals
 * `pay` (paid, payment_count): one statement whatever the rows.
 */
export const FUNDING_DECISION_JOINS = `
  JOIN agreements a ON a.id = fd.agreement_id
  JOIN organisations f ON f.id = fd.funder_id
  LEFT JOIN organisations r ON r.id = fd.recipient_id
  LEFT JOIN projects p ON p.id = fd.project_id
  CROSS JOIN LATERAL (
    SELECT COALESCE(SUM(pm.amount), 0)::numeric(15,2) AS paid, count(*)::int AS payment_count
    FROM payments pm WHERE pm.funding_decision_id = fd.id
  ) pay`;

/** The list's filters and sort (the CSV export takes the same). */
export type FundingDecisionFilters = Omit<ListFundingDecisionsQuery, 'page' | 'pageSize'>;

/** FROM … WHERE … of the decisions (`fd`, agreement `a`) matching the filters in the actor's scope. */
export function fundingDecisionsFrom(sql: Sql, filters: FundingDecisionFilters, actor: Actor, joins = ''): string {
  return `FROM funding_decisions fd JOIN agreements sa ON sa.id = fd.agreement_id ${joins} WHERE ${where([
    sql.scope(actor, 'sa.city_id'),
    sql.equals('fd.agreement_id', filters.agreementId),
    sql.equals('fd.project_id', filters.projectId),
    sql.equals('fd.funder_id', filters.funderId),
    sql.equals('fd.instrument', filters.instrument),
    sql.equals('fd.status', filters.status),
    sql.contains(['fd.record_number', 'fd.decision_body'], filters.q),
  ])}`;
}

/** The list: the page's ids first (with the total), then names and payment totals for those rows only. */
export function fundingDecisionPage(query: ListFundingDecisionsQuery, actor: Actor, paging: Paging): PageStatements {
  const orderBy = FUNDING_DECISION_SORT.orderBy(query.sort);
  return {
    page: (sql) => `WITH page AS (
         SELECT fd.id, count(*) OVER () AS total ${fundingDecisionsFrom(sql, query, actor)}
         ORDER BY ${orderBy} ${sql.page(paging)}
       )
       SELECT ${DETAIL_COLUMNS}, page.total
       FROM page JOIN funding_decisions fd ON fd.id = page.id ${FUNDING_DECISION_JOINS}
       ORDER BY ${orderBy}`,
    count: (sql) => `SELECT count(*)::int AS total ${fundingDecisionsFrom(sql, query, actor)}`,
  };
}

/** One decision in the actor's scope with its names and payment totals. */
export function fundingDecisionSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${DETAIL_COLUMNS} FROM funding_decisions fd ${FUNDING_DECISION_JOINS}
     WHERE fd.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/**
 * Whether the agreement (in scope), funder and recipient exist, and the agreement of the project
 * (in scope): the references a write names, checked in one statement. Agreements and projects of
 * another city count as missing; organisations are a shared registry and are not scoped.
 */
export function referencesSql(
  sql: Sql,
  refs: { agreementId?: string; projectId?: string; funderId?: string; recipientId?: string },
  actor: Actor,
): string {
  return `SELECT
       EXISTS (SELECT 1 FROM agreements a WHERE a.id = ${sql.value(refs.agreementId ?? null)}::uuid
         AND ${sql.scope(actor, 'a.city_id')}) AS "agreement",
       (SELECT pa.agreement_id FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id
         JOIN agreements a ON a.id = pa.agreement_id
         WHERE p.id = ${sql.value(refs.projectId ?? null)}::uuid AND ${sql.scope(actor, 'a.city_id')}) AS "projectAgreementId",
       EXISTS (SELECT 1 FROM organisations WHERE id = ${sql.value(refs.funderId ?? null)}::uuid) AS "funder",
       EXISTS (SELECT 1 FROM organisations WHERE id = ${sql.value(refs.recipientId ?? null)}::uuid) AS "recipient"`;
}

/** The city of a funding decision (its agreement's). */
export function fundingDecisionCitySql(sql: Sql, id: string): string {
  return `SELECT a.city_id AS "cityId" FROM funding_decisions fd JOIN agreements a ON a.id = fd.agreement_id
    WHERE fd.id = ${sql.value(id)}`;
}
