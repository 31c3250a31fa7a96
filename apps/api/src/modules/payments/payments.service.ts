import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { centsToMoney, normaliseMoney, parseMoneyToCents, PAYABLE_DECISION_STATUSES } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import type { FundingDecision } from '../funding-decisions/funding-decision.entity';
import type { CreatePaymentDto } from './dto/create-payment.dto';
import type { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse } from './dto/payment.response';
import type { UpdatePaymentDto } from './dto/update-payment.dto';
import { Payment } from './payment.entity';
import { decisionOfPaymentSql, lockDecisionSql, paymentList, paymentSql } from './payments.queries';

const paymentAudit = new AuditTrail('payment');

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

/**
 * Payments under funding decisions. Every write locks its funding decision row first
 * (SELECT … FOR UPDATE), so the rules "the decision is payable" and "the sum paid never exceeds
 * the amount granted" hold even when payments are recorded concurrently.
 */
@Injectable()
export class PaymentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListPaymentsQuery, actor: Actor): Promise<Page<PaymentResponse>> {
    return readList(this.dataSource, query, paymentList(query, actor), (row: Payment) => PaymentResponse.from(row));
  }

  async get(id: string, actor: Actor): Promise<PaymentResponse> {
    const row = await queryRow<Payment>(this.dataSource, (sql) => paymentSql(sql, id, actor));
    if (!row) throw notFound('Payment', id);
    return PaymentResponse.from(row);
  }

  create(dto: CreatePaymentDto, actor: Actor): Promise<PaymentResponse> {
    return this.dataSource.transaction((manager) => this.createIn(manager, dto, actor));
  }

  /** The create within the caller's transaction (a period report's one-form save records payments with it). */
  async createIn(manager: EntityManager, dto: CreatePaymentDto, actor: Actor): Promise<PaymentResponse> {
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
  return (await queryRow<LockedDecision>(manager, (sql) => lockDecisionSql(sql, id, actor))) ?? null;
}

/** Locks the decision of a payment in the actor's scope; a payment of another city is 404 like a missing one. */
async function lockDecisionOfPayment(manager: EntityManager, actor: Actor, paymentId: string): Promise<LockedDecision> {
  const current = await queryRow<{ fundingDecisionId: string }>(manager, (sql) =>
    decisionOfPaymentSql(sql, paymentId, actor),
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
