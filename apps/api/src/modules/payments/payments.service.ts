import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  centsToMoney,
  compareIsoDates,
  normaliseMoney,
  parseMoneyToCents,
  PAYABLE_DECISION_STATUSES,
} from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound } from '../../common/domain-error';
import { orderBySql, sortOrder, type Page } from '../../common/pagination';
import { scopeSql } from '../../common/scope';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import type { FundingDecision } from '../funding-decisions/funding-decision.entity';
import type { CreatePaymentDto } from './dto/create-payment.dto';
import type { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse } from './dto/payment.response';
import type { UpdatePaymentDto } from './dto/update-payment.dto';
import { Payment } from './payment.entity';

const paymentAudit = new AuditTrail('payment');

const SORT_COLUMNS = { paidOn: 'pm.paid_on', amount: 'pm.amount', createdAt: 'pm.created_at' };

const COLUMNS = `
  pm.id, pm.funding_decision_id AS "fundingDecisionId", pm.paid_on AS "paidOn", pm.amount, pm.note,
  pm.version, pm.created_at AS "createdAt", pm.updated_at AS "updatedAt"`;

/** A payment joined to its decision and the decision's agreement (whose city_id is the scope). */
export const PAYMENT_SCOPED_FROM = `FROM payments pm JOIN funding_decisions fd ON fd.id = pm.funding_decision_id
  JOIN agreements a ON a.id = fd.agreement_id`;

/** The list's filters and sort (the CSV export takes the same). */
export type PaymentFilters = Omit<ListPaymentsQuery, 'page' | 'pageSize'>;

/**
 * The list's WHERE condition (over PAYMENT_SCOPED_FROM, city scope included) and ORDER BY,
 * adding parameters through `param`: one definition for the list and the CSV export. Refuses
 * a date range that ends before it starts.
 */
export function paymentFilterSql(
  query: PaymentFilters,
  actor: Actor,
  param: (value: unknown) => string,
): { where: string; orderBy: string } {
  if (query.paidFrom && query.paidTo && compareIsoDates(query.paidFrom, query.paidTo) > 0) {
    throw invalid('paidTo', 'dateOrder', `paidTo (${query.paidTo}) must be on or after paidFrom (${query.paidFrom})`);
  }
  // City scope first: the page and its total only ever contain the actor's cities' payments.
  const where: string[] = [scopeSql(actor, 'a.city_id', param)];
  if (query.fundingDecisionId) where.push(`pm.funding_decision_id = ${param(query.fundingDecisionId)}`);
  if (query.projectId) where.push(`fd.project_id = ${param(query.projectId)}`);
  if (query.agreementId) where.push(`fd.agreement_id = ${param(query.agreementId)}`);
  if (query.paidFrom) where.push(`pm.paid_on >= ${param(query.paidFrom)}`);
  if (query.paidTo) where.push(`pm.paid_on <= ${param(query.paidTo)}`);
  return {
    where: where.join(' AND '),
    orderBy: orderBySql(sortOrder(query.sort, SORT_COLUMNS, '-paidOn', 'pm.id')),
  };
}

/** The entity's own columns: what the audit trail records of a payment (before and after). */
const AUDITED_COLUMNS = [
  'id',
  'fundingDecisionId',
  'paidOn',
  'amount',
  'note',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Payment>;

function snapshot(row: Payment): Record<string, unknown> {
  return Object.fromEntries(AUDITED_COLUMNS.map((column) => [column, row[column]]));
}

/** A funding decision locked for a payment write, with what the audit event needs. */
type LockedDecision = Pick<FundingDecision, 'id' | 'status' | 'amountGranted' | 'projectId'> & { cityId: string };

/** Positional parameters for raw SQL: `add(value)` returns its placeholder. */
function parameters(initial: unknown[] = []): { params: unknown[]; add: (value: unknown) => string } {
  const params = [...initial];
  return {
    params,
    add: (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * Payments under funding decisions. Every write locks its funding decision row first
 * (SELECT … FOR UPDATE), so the rules "the decision is payable" and "the sum paid never exceeds
 * the amount granted" hold even when payments are recorded concurrently.
 */
@Injectable()
export class PaymentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListPaymentsQuery, actor: Actor): Promise<Page<PaymentResponse>> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const { where, orderBy: order } = paymentFilterSql(query, actor, param);
    const from = `${PAYMENT_SCOPED_FROM} WHERE ${where}`;
    const filterParams = [...params];
    const rows = await this.dataSource.query<Array<Payment & { total: string }>>(
      `SELECT ${COLUMNS}, count(*) OVER() AS total ${from}
       ORDER BY ${order} LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}`,
      params,
    );
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows[0] && query.page > 1) {
      const [count] = await this.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n ${from}`,
        filterParams,
      );
      total = count?.n ?? 0;
    }
    return { items: rows.map((row) => PaymentResponse.from(row)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, actor: Actor): Promise<PaymentResponse> {
    const { params, add } = parameters([id]);
    const [row] = await this.dataSource.query<Payment[]>(
      `SELECT ${COLUMNS} ${PAYMENT_SCOPED_FROM} WHERE pm.id = $1 AND ${scopeSql(actor, 'a.city_id', add)}`,
      params,
    );
    if (!row) throw notFound('Payment', id);
    return PaymentResponse.from(row);
  }

  async create(dto: CreatePaymentDto, actor: Actor): Promise<PaymentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const decision = await lockDecision(manager, actor, dto.fundingDecisionId);
      if (!decision) {
        // Another city's decision is reported exactly like a missing one.
        throw invalid('fundingDecisionId', 'notFound', `funding decision ${dto.fundingDecisionId} does not exist`);
      }
      const amount = normaliseMoney(dto.amount);
      await assertPayable(manager, decision, amount, null);
      const repo = manager.getRepository(Payment);
      const saved = await repo.save(
        repo.create({ fundingDecisionId: decision.id, paidOn: dto.paidOn, amount, note: dto.note ?? null }),
      );
      await paymentAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(saved),
        projectId: decision.projectId,
        cityId: decision.cityId,
      });
      return PaymentResponse.from(saved);
    });
  }

  async update(id: string, dto: UpdatePaymentDto, version: number, actor: Actor): Promise<PaymentResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The decision of a payment never changes, so reading it unlocked is safe; lock the decision
      // (in the actor's scope), then the payment.
      const decision = await lockDecisionOfPayment(manager, actor, id);
      const row = await findForUpdate(manager, Payment, id, 'Payment');
      assertVersion('Payment', row.version, version);
      const before = snapshot(row);
      if (dto.amount !== undefined) {
        const amount = normaliseMoney(dto.amount);
        if (amount !== row.amount) await assertPayable(manager, decision, amount, row.id);
        dto.amount = amount;
      }
      const saved = await manager.save(applyPatch(row, dto as Partial<Payment>));
      await paymentAudit.updated(manager, actor, {
        id,
        before,
        after: snapshot(saved),
        projectId: decision.projectId,
        cityId: decision.cityId,
      });
      return PaymentResponse.from(saved);
    });
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const decision = await lockDecisionOfPayment(manager, actor, id);
      const row = await findForUpdate(manager, Payment, id, 'Payment');
      if (version !== undefined) assertVersion('Payment', row.version, version);
      await manager.delete(Payment, { id });
      await paymentAudit.deleted(manager, actor, {
        id,
        before: snapshot(row),
        projectId: decision.projectId,
        cityId: decision.cityId,
      });
    });
  }
}

/**
 * Locks a funding decision row in the actor's scope for the rest of the transaction
 * (FOR UPDATE OF the decision only); null when it does not exist or belongs to another city.
 */
async function lockDecision(manager: EntityManager, actor: Actor, id: string): Promise<LockedDecision | null> {
  const { params, add } = parameters([id]);
  const [row] = await manager.query<LockedDecision[]>(
    `SELECT fd.id, fd.status, fd.amount_granted AS "amountGranted", fd.project_id AS "projectId",
       a.city_id AS "cityId"
     FROM funding_decisions fd JOIN agreements a ON a.id = fd.agreement_id
     WHERE fd.id = $1 AND ${scopeSql(actor, 'a.city_id', add)}
     FOR UPDATE OF fd`,
    params,
  );
  return row ?? null;
}

/** Locks the decision of a payment in the actor's scope; a payment of another city is 404 like a missing one. */
async function lockDecisionOfPayment(manager: EntityManager, actor: Actor, paymentId: string): Promise<LockedDecision> {
  const { params, add } = parameters([paymentId]);
  const [current] = await manager.query<Array<{ fundingDecisionId: string }>>(
    `SELECT pm.funding_decision_id AS "fundingDecisionId" ${PAYMENT_SCOPED_FROM}
     WHERE pm.id = $1 AND ${scopeSql(actor, 'a.city_id', add)}`,
    params,
  );
  if (!current) throw notFound('Payment', paymentId);
  const decision = await lockDecision(manager, actor, current.fundingDecisionId);
  if (!decision) throw notFound('Payment', paymentId);
  return decision;
}

/**
 * The payment rules, under the decision's lock: the decision is payable, its amount granted is
 * known, and the payments (with `amount` instead of payment `replacing`, if any) stay within it.
 */
async function assertPayable(
  manager: EntityManager,
  decision: LockedDecision,
  amount: string,
  replacing: string | null,
): Promise<void> {
  if (!PAYABLE_DECISION_STATUSES.includes(decision.status)) {
    const message =
      `Payments can be recorded only under a decision that is ${PAYABLE_DECISION_STATUSES.join(' or ')}; ` +
      `this one is ${decision.status}`;
    throw new DomainError('RULE_VIOLATION', message, {
      fundingDecisionId: [issue('notPayable', message, { status: decision.status })],
    });
  }
  if (decision.amountGranted === null) {
    const message = 'The amount granted is not known: record it on the funding decision before paying';
    throw new DomainError('RULE_VIOLATION', message, { fundingDecisionId: [issue('grantedUnknown', message)] });
  }
  const [sums] = await manager.query<Array<{ paid: string }>>(
    `SELECT COALESCE(SUM(amount), 0)::numeric(15,2) AS paid FROM payments
     WHERE funding_decision_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [decision.id, replacing],
  );
  const paid = parseMoneyToCents(sums?.paid ?? '0');
  const granted = parseMoneyToCents(decision.amountGranted);
  if (paid + parseMoneyToCents(amount) > granted) {
    const message =
      `Payments would exceed the amount granted: granted ${centsToMoney(granted)}, already paid ${centsToMoney(paid)}, ` +
      `this payment ${amount} (at most ${centsToMoney(granted - paid > 0n ? granted - paid : 0n)} can still be paid)`;
    throw new DomainError('PAID_EXCEEDS_GRANTED', message, {
      amount: [
        issue('exceedsGranted', message, { remaining: centsToMoney(granted - paid > 0n ? granted - paid : 0n) }),
      ],
    });
  }
}
