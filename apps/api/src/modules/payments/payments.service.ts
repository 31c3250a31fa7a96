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
import { DomainError, invalid, notFound } from '../../common/domain-error';
import { orderBySql, sortOrder, type Page } from '../../common/pagination';
import { applyPatch, findForUpdate } from '../../common/transaction';
import { assertVersion } from '../../common/version';
import { FundingDecision } from '../funding-decisions/funding-decision.entity';
import type { CreatePaymentDto } from './dto/create-payment.dto';
import type { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse } from './dto/payment.response';
import type { UpdatePaymentDto } from './dto/update-payment.dto';
import { Payment } from './payment.entity';

const SORT_COLUMNS = { paidOn: 'pm.paid_on', amount: 'pm.amount', createdAt: 'pm.created_at' };

const COLUMNS = `
  pm.id, pm.funding_decision_id AS "fundingDecisionId", pm.paid_on AS "paidOn", pm.amount, pm.note,
  pm.version, pm.created_at AS "createdAt", pm.updated_at AS "updatedAt"`;

/**
 * Payments under funding decisions. Every write locks its funding decision row first
 * (SELECT … FOR UPDATE), so the rules "the decision is payable" and "the sum paid never exceeds
 * the amount granted" hold even when payments are recorded concurrently.
 */
@Injectable()
export class PaymentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    if (query.paidFrom && query.paidTo && compareIsoDates(query.paidFrom, query.paidTo) > 0) {
      throw invalid('paidTo', `paidTo (${query.paidTo}) must be on or after paidFrom (${query.paidFrom})`);
    }
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.fundingDecisionId) where.push(`pm.funding_decision_id = ${param(query.fundingDecisionId)}`);
    if (query.projectId) where.push(`fd.project_id = ${param(query.projectId)}`);
    if (query.agreementId) where.push(`fd.agreement_id = ${param(query.agreementId)}`);
    if (query.paidFrom) where.push(`pm.paid_on >= ${param(query.paidFrom)}`);
    if (query.paidTo) where.push(`pm.paid_on <= ${param(query.paidTo)}`);
    const from = `FROM payments pm JOIN funding_decisions fd ON fd.id = pm.funding_decision_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const filterParams = [...params];
    const order = orderBySql(sortOrder(query.sort, SORT_COLUMNS, '-paidOn', 'pm.id'));
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

  async get(id: string): Promise<PaymentResponse> {
    const row = await this.dataSource.getRepository(Payment).findOneBy({ id });
    if (!row) throw notFound('Payment', id);
    return PaymentResponse.from(row);
  }

  async create(dto: CreatePaymentDto, _actor: Actor): Promise<PaymentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const decision = await lockDecision(manager, dto.fundingDecisionId);
      if (!decision) {
        throw invalid('fundingDecisionId', `funding decision ${dto.fundingDecisionId} does not exist`);
      }
      const amount = normaliseMoney(dto.amount);
      await assertPayable(manager, decision, amount, null);
      const repo = manager.getRepository(Payment);
      const saved = await repo.save(
        repo.create({ fundingDecisionId: decision.id, paidOn: dto.paidOn, amount, note: dto.note ?? null }),
      );
      return PaymentResponse.from(saved);
    });
  }

  async update(id: string, dto: UpdatePaymentDto, version: number, _actor: Actor): Promise<PaymentResponse> {
    const cleared = (['paidOn', 'amount'] as const).filter((field) => dto[field] === null);
    if (cleared.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The request has invalid fields',
        Object.fromEntries(cleared.map((field) => [field, [`${field} is required and cannot be cleared`]])),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // The decision never changes, so reading it unlocked is safe; lock the decision, then the payment.
      const current = await manager.findOne(Payment, { where: { id }, select: { id: true, fundingDecisionId: true } });
      if (!current) throw notFound('Payment', id);
      const decision = await lockDecision(manager, current.fundingDecisionId);
      if (!decision) throw notFound('Payment', id);
      const row = await findForUpdate(manager, Payment, id, 'Payment');
      assertVersion('Payment', row.version, version);
      if (dto.amount !== undefined) {
        const amount = normaliseMoney(dto.amount);
        if (amount !== row.amount) await assertPayable(manager, decision, amount, row.id);
        dto.amount = amount;
      }
      return PaymentResponse.from(await manager.save(applyPatch(row, dto as Partial<Payment>)));
    });
  }

  async remove(id: string, version: number | undefined, _actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Payment, { where: { id }, select: { id: true, fundingDecisionId: true } });
      if (!current) throw notFound('Payment', id);
      await lockDecision(manager, current.fundingDecisionId);
      const row = await findForUpdate(manager, Payment, id, 'Payment');
      if (version !== undefined) assertVersion('Payment', row.version, version);
      await manager.delete(Payment, { id });
    });
  }
}

/** Locks a funding decision row for the rest of the transaction; null when it does not exist. */
function lockDecision(manager: EntityManager, id: string): Promise<FundingDecision | null> {
  return manager
    .createQueryBuilder(FundingDecision, 'fd')
    .setLock('pessimistic_write')
    .where('fd.id = :id', { id })
    .getOne();
}

/**
 * The payment rules, under the decision's lock: the decision is payable, its amount granted is
 * known, and the payments (with `amount` instead of payment `replacing`, if any) stay within it.
 */
async function assertPayable(
  manager: EntityManager,
  decision: FundingDecision,
  amount: string,
  replacing: string | null,
): Promise<void> {
  if (!PAYABLE_DECISION_STATUSES.includes(decision.status)) {
    const message =
      `Payments can be recorded only under a decision that is ${PAYABLE_DECISION_STATUSES.join(' or ')}; ` +
      `this one is ${decision.status}`;
    throw new DomainError('RULE_VIOLATION', message, { fundingDecisionId: [message] });
  }
  if (decision.amountGranted === null) {
    const message = 'The amount granted is not known: record it on the funding decision before paying';
    throw new DomainError('RULE_VIOLATION', message, { fundingDecisionId: [message] });
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
    throw new DomainError('PAID_EXCEEDS_GRANTED', message, { amount: [message] });
  }
}
