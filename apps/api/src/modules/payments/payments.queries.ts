import type { Actor } from '../../common/actor';
import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListPaymentsQuery } from './dto/list-payments.query';

/**
 * The SQL of payments: the list's filters and sort (the list and the CSV export), the columns of
 * a payment, and the scoped lookups its writes lock through. A payment's city is its funding
 * decision's agreement's city.
 */

export const PAYMENT_SORT = new SortColumns(
  { paidOn: 'pm.paid_on', amount: 'pm.amount', createdAt: 'pm.created_at' },
  '-paidOn',
  'pm.id',
);

/** The columns of a payment response. */
export const PAYMENT_COLUMNS = `
  pm.id, pm.funding_decision_id AS "fundingDecisionId", pm.paid_on AS "paidOn", pm.amount, pm.note,
  pm.version, pm.created_at AS "createdAt", pm.updated_at AS "updatedAt"`;

/** A payment (`pm`) joined to its decision (`fd`) and the decision's agreement (`a`), whose city_id is the scope. */
const SCOPED_FROM = `FROM payments pm JOIN funding_decisions fd ON fd.id = pm.funding_decision_id
  JOIN agreements a ON a.id = fd.agreement_id`;

/** The list's filters and sort (the CSV export takes the same). */
export type PaymentFilters = Omit<ListPaymentsQuery, 'page' | 'pageSize'>;

/** FROM … WHERE … of the payments matching the filters in the actor's scope (with `joins` before WHERE). */
export function paymentsFrom(sql: Sql, filters: PaymentFilters, actor: Actor, joins = ''): string {
  return `${SCOPED_FROM} ${joins} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('pm.funding_decision_id', filters.fundingDecisionId),
    sql.equals('fd.project_id', filters.projectId),
    sql.equals('fd.agreement_id', filters.agreementId),
    filters.paidFrom && `pm.paid_on >= ${sql.value(filters.paidFrom)}`,
    filters.paidTo && `pm.paid_on <= ${sql.value(filters.paidTo)}`,
  ])}`;
}

/** One payment in the actor's scope. */
export function paymentSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${PAYMENT_COLUMNS} ${SCOPED_FROM} WHERE pm.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The decision of a payment in the actor's scope (none for another city's payment). */
export function decisionOfPaymentSql(sql: Sql, paymentId: string, actor: Actor): string {
  return `SELECT pm.funding_decision_id AS "fundingDecisionId" ${SCOPED_FROM}
    WHERE pm.id = ${sql.value(paymentId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/**
 * A funding decision in the actor's scope, locked for the rest of the transaction (FOR UPDATE OF
 * the decision only), with what a payment write needs.
 */
export function lockDecisionSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT fd.id, fd.status, fd.amount_granted AS "amountGranted", fd.project_id AS "projectId",
       a.city_id AS "cityId"
     FROM funding_decisions fd JOIN agreements a ON a.id = fd.agreement_id
     WHERE fd.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}
     FOR UPDATE OF fd`;
}

/** The list's page and count statements. */
export function paymentList(query: ListPaymentsQuery, actor: Actor): PageStatements {
  return plainList(PAYMENT_COLUMNS, (sql) => paymentsFrom(sql, query, actor), PAYMENT_SORT.orderBy(query.sort), query);
}
