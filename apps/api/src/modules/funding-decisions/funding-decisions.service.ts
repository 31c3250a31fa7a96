import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareMoney, FUNDING_DECISION_TRANSITIONS } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import { likePattern, orderBySql, sortOrder, type Page } from '../../common/pagination';
import { assertPeriod, assertTransition } from '../../common/rules';
import { scopeSql, scopeWhere } from '../../common/scope';
import { applyPatch } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { Agreement } from '../agreements/agreement.entity';
import { AuditTrail } from '../audit/audit';
import type { CreateFundingDecisionDto } from './dto/create-funding-decision.dto';
import { FundingDecisionResponse, type FundingDecisionRow } from './dto/funding-decision.response';
import type { ListFundingDecisionsQuery } from './dto/list-funding-decisions.query';
import type { UpdateFundingDecisionDto } from './dto/update-funding-decision.dto';
import { FundingDecision } from './funding-decision.entity';

const fundingDecisionAudit = new AuditTrail('funding_decision');

const SORT_COLUMNS = {
  decisionDate: 'fd.decision_date',
  amountGranted: 'fd.amount_granted',
  createdAt: 'fd.created_at',
};

/**
 * The columns of a decision with its funder, recipient and project names and its payment totals,
 * from `fd` (funding_decisions) restricted by the caller. One statement whatever the rows.
 */
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

export const FUNDING_DECISION_DETAIL_JOINS = `
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

/**
 * The list's WHERE condition (over `fd` funding_decisions and its agreement `a`, city scope
 * included) and ORDER BY, adding parameters through `param`: one definition for the list and
 * the CSV export.
 */
export function fundingDecisionFilterSql(
  query: FundingDecisionFilters,
  actor: Actor,
  param: (value: unknown) => string,
): { where: string; orderBy: string } {
  // City scope first: the page and its total only ever contain the actor's cities' decisions.
  const where: string[] = [scopeSql(actor, 'a.city_id', param)];
  if (query.agreementId) where.push(`fd.agreement_id = ${param(query.agreementId)}`);
  if (query.projectId) where.push(`fd.project_id = ${param(query.projectId)}`);
  if (query.funderId) where.push(`fd.funder_id = ${param(query.funderId)}`);
  if (query.instrument) where.push(`fd.instrument = ${param(query.instrument)}`);
  if (query.status) where.push(`fd.status = ${param(query.status)}`);
  if (query.q) {
    const q = param(likePattern(query.q));
    where.push(`(fd.record_number ILIKE ${q} OR fd.decision_body ILIKE ${q})`);
  }
  return {
    where: where.join(' AND '),
    orderBy: orderBySql(sortOrder(query.sort, SORT_COLUMNS, '-decisionDate', 'fd.id')),
  };
}

/** The entity's own columns: what the audit trail records of a decision (before and after). */
const AUDITED_COLUMNS = [
  'id',
  'agreementId',
  'projectId',
  'funderId',
  'recipientId',
  'instrument',
  'decisionBody',
  'decisionDate',
  'recordNumber',
  'amountGranted',
  'coFundingRate',
  'cap',
  'eligibleFrom',
  'eligibleTo',
  'status',
  'conditions',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof FundingDecision & keyof FundingDecisionRow>;

/** A plain copy of a decision's columns (money and dates as the exact strings the database gives). */
function snapshot(row: FundingDecision | FundingDecisionRow): Record<string, unknown> {
  return Object.fromEntries(AUDITED_COLUMNS.map((column) => [column, row[column]]));
}

/** The references a create or update names, to be checked in one statement. */
interface References {
  agreementId?: string;
  projectId?: string;
  funderId?: string;
  recipientId?: string;
  /** The agreement the project must belong to (the decision's agreement after the change). */
  projectAgreementId?: string;
}

@Injectable()
export class FundingDecisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListFundingDecisionsQuery, actor: Actor): Promise<Page<FundingDecisionResponse>> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const { where, orderBy: order } = fundingDecisionFilterSql(query, actor, param);
    const fromSql = `FROM funding_decisions fd JOIN agreements a ON a.id = fd.agreement_id
      WHERE ${where}`;
    const filterParams = [...params];
    // The page's ids first (with the total), then names and payment totals for those rows only.
    const rows = await this.dataSource.query<Array<FundingDecisionRow & { total: string }>>(
      `WITH page AS (
         SELECT fd.id, count(*) OVER() AS total ${fromSql}
         ORDER BY ${order} LIMIT ${param(query.pageSize)} OFFSET ${param((query.page - 1) * query.pageSize)}
       )
       SELECT ${DETAIL_COLUMNS}, page.total
       FROM page JOIN funding_decisions fd ON fd.id = page.id ${FUNDING_DECISION_DETAIL_JOINS}
       ORDER BY ${order}`,
      params,
    );
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows[0] && query.page > 1) {
      const [count] = await this.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n ${fromSql}`,
        filterParams,
      );
      total = count?.n ?? 0;
    }
    return {
      items: rows.map((row) => FundingDecisionResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, actor: Actor): Promise<FundingDecisionResponse> {
    return FundingDecisionResponse.from(await loadRow(this.dataSource.manager, actor, id));
  }

  async create(dto: CreateFundingDecisionDto, actor: Actor): Promise<FundingDecisionResponse> {
    assertPeriod({ field: 'eligibleFrom', date: dto.eligibleFrom }, { field: 'eligibleTo', date: dto.eligibleTo });
    return this.dataSource.transaction(async (manager) => {
      await checkReferences(manager, actor, {
        agreementId: dto.agreementId,
        projectId: dto.projectId ?? undefined,
        funderId: dto.funderId,
        recipientId: dto.recipientId ?? undefined,
        projectAgreementId: dto.agreementId,
      });
      const repo = manager.getRepository(FundingDecision);
      const saved = await repo.save(
        repo.create({
          agreementId: dto.agreementId,
          projectId: dto.projectId ?? null,
          funderId: dto.funderId,
          recipientId: dto.recipientId ?? null,
          instrument: dto.instrument,
          decisionBody: dto.decisionBody ?? null,
          decisionDate: dto.decisionDate ?? null,
          recordNumber: dto.recordNumber ?? null,
          amountGranted: dto.amountGranted ?? null,
          coFundingRate: dto.coFundingRate ?? null,
          cap: dto.cap ?? null,
          eligibleFrom: dto.eligibleFrom ?? null,
          eligibleTo: dto.eligibleTo ?? null,
          status: dto.status,
          conditions: dto.conditions ?? null,
        }),
      );
      const after = await loadRow(manager, actor, saved.id);
      await fundingDecisionAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(after),
        projectId: after.projectId,
        cityId: after.cityId,
      });
      return FundingDecisionResponse.from(after);
    });
  }

  async update(
    id: string,
    dto: UpdateFundingDecisionDto,
    version: number,
    actor: Actor,
  ): Promise<FundingDecisionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockInScope(manager, actor, id);
      assertVersion('Funding decision', row.version, version);
      const before = snapshot(row);

      const agreementId = dto.agreementId ?? row.agreementId;
      const projectId = dto.projectId === undefined ? row.projectId : dto.projectId;
      assertPeriod(
        { field: 'eligibleFrom', date: dto.eligibleFrom === undefined ? row.eligibleFrom : dto.eligibleFrom },
        { field: 'eligibleTo', date: dto.eligibleTo === undefined ? row.eligibleTo : dto.eligibleTo },
      );
      const projectOrAgreementChanged = dto.projectId !== undefined || dto.agreementId !== undefined;
      await checkReferences(manager, actor, {
        agreementId: dto.agreementId ?? undefined,
        projectId: projectOrAgreementChanged ? (projectId ?? undefined) : undefined,
        funderId: dto.funderId ?? undefined,
        recipientId: dto.recipientId ?? undefined,
        projectAgreementId: agreementId,
      });

      if (dto.status) {
        assertTransition(FUNDING_DECISION_TRANSITIONS, row.status, dto.status, {
          record: 'funding decision',
          field: 'status',
        });
      }

      if (dto.amountGranted !== undefined) {
        const [sums] = await manager.query<Array<{ paid: string; n: number }>>(
          `SELECT COALESCE(SUM(amount), 0)::numeric(15,2) AS paid, count(*)::int AS n
           FROM payments WHERE funding_decision_id = $1`,
          [id],
        );
        const paid = sums?.paid ?? '0.00';
        if (dto.amountGranted === null && (sums?.n ?? 0) > 0) {
          const message = `The amount granted cannot be cleared: ${paid} has already been paid under this decision`;
          throw new DomainError('PAID_EXCEEDS_GRANTED', message, {
            amountGranted: [issue('belowPaid', message, { paid })],
          });
        }
        if (dto.amountGranted !== null && compareMoney(dto.amountGranted, paid) < 0) {
          const message = `The amount granted (${dto.amountGranted}) cannot be lower than what has already been paid (${paid})`;
          throw new DomainError('PAID_EXCEEDS_GRANTED', message, {
            amountGranted: [issue('belowPaid', message, { paid })],
          });
        }
      }

      await manager.save(applyPatch(row, dto as Partial<FundingDecision>));
      const after = await loadRow(manager, actor, id);
      await fundingDecisionAudit.updated(manager, actor, {
        id,
        before,
        after: snapshot(after),
        // A decision moved off its project still belongs in that project's history.
        projectId: after.projectId ?? (before.projectId as string | null),
        cityId: after.cityId,
      });
      return FundingDecisionResponse.from(after);
    });
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await lockInScope(manager, actor, id);
      if (version !== undefined) assertVersion('Funding decision', row.version, version);
      const [payments] = await manager.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM payments WHERE funding_decision_id = $1',
        [id],
      );
      const count = payments?.n ?? 0;
      if (count > 0) {
        throw new DomainError(
          'IN_USE',
          `The funding decision has ${count} payment${count === 1 ? '' : 's'}; delete them first`,
          { payments: [issue('inUse', `${count} payment${count === 1 ? '' : 's'} recorded`, { count })] },
        );
      }
      await manager.delete(FundingDecision, { id });
      await fundingDecisionAudit.deleted(manager, actor, {
        id,
        before: snapshot(row),
        projectId: row.projectId,
        cityId: row.cityId,
      });
    });
  }
}

/** One decision in the actor's scope with its names and payment totals, in one statement; else 404. */
async function loadRow(
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<FundingDecisionRow & { cityId: string }> {
  const params: unknown[] = [id];
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const [row] = await manager.query<Array<FundingDecisionRow & { cityId: string }>>(
    `SELECT ${DETAIL_COLUMNS} FROM funding_decisions fd ${FUNDING_DECISION_DETAIL_JOINS}
     WHERE fd.id = $1 AND ${scopeSql(actor, 'a.city_id', add)}`,
    params,
  );
  if (!row) throw notFound('Funding decision', id);
  return row;
}

/**
 * Locks a decision in the actor's scope (SELECT … FOR UPDATE OF the decision row only) and returns
 * it with its agreement's city; a decision of another city is "not found", like a missing one.
 */
async function lockInScope(
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<FundingDecision & { cityId: string }> {
  const { entities, raw } = await manager
    .createQueryBuilder(FundingDecision, 'fd')
    .innerJoin(Agreement, 'a', 'a.id = fd.agreementId')
    .addSelect('a.city_id', 'scope_city_id')
    .where('fd.id = :id', { id })
    .andWhere(...scopeWhere(actor, 'a.city_id'))
    .setLock('pessimistic_write', undefined, ['fd'])
    .getRawAndEntities<{ scope_city_id: string }>();
  const [row] = entities;
  if (!row || !raw[0]) throw notFound('Funding decision', id);
  return Object.assign(row, { cityId: raw[0].scope_city_id });
}

/**
 * Checks in one statement that the named agreement, project and organisations exist, and that
 * the project belongs to the decision's agreement (through its priority area). Reports every
 * problem as a 400 with the field in the details.
 */
async function checkReferences(manager: EntityManager, actor: Actor, refs: References): Promise<void> {
  if (!refs.agreementId && !refs.projectId && !refs.funderId && !refs.recipientId) return;
  const params: unknown[] = [
    refs.agreementId ?? null,
    refs.projectId ?? null,
    refs.funderId ?? null,
    refs.recipientId ?? null,
  ];
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  // Agreements and projects of another city count as missing: the same 400, nothing revealed.
  // Organisations are a shared registry and are not scoped.
  const [found] = await manager.query<
    Array<{ agreement: boolean; projectAgreementId: string | null; funder: boolean; recipient: boolean }>
  >(
    `SELECT
       EXISTS (SELECT 1 FROM agreements a WHERE a.id = $1::uuid AND ${scopeSql(actor, 'a.city_id', add)}) AS "agreement",
       (SELECT pa.agreement_id FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id
         JOIN agreements a ON a.id = pa.agreement_id
         WHERE p.id = $2::uuid AND ${scopeSql(actor, 'a.city_id', add)}) AS "projectAgreementId",
       EXISTS (SELECT 1 FROM organisations WHERE id = $3::uuid) AS "funder",
       EXISTS (SELECT 1 FROM organisations WHERE id = $4::uuid) AS "recipient"`,
    params,
  );
  const details: FieldIssues = {};
  if (refs.agreementId && !found?.agreement) {
    details.agreementId = [issue('notFound', `agreement ${refs.agreementId} does not exist`)];
  }
  if (refs.projectId) {
    if (!found?.projectAgreementId) details.projectId = [issue('notFound', `project ${refs.projectId} does not exist`)];
    else if (found.projectAgreementId !== refs.projectAgreementId && !details.agreementId) {
      // (When the agreement itself is refused, that is the one problem to report.)
      details.projectId = [
        issue('otherAgreement', `project ${refs.projectId} does not belong to agreement ${refs.projectAgreementId}`),
      ];
    }
  }
  if (refs.funderId && !found?.funder) {
    details.funderId = [issue('notFound', `organisation ${refs.funderId} does not exist`)];
  }
  if (refs.recipientId && !found?.recipient) {
    details.recipientId = [issue('notFound', `organisation ${refs.recipientId} does not exist`)];
  }
  if (Object.keys(details).length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The funding decision refers to records that do not exist or do not fit',
      details,
    );
  }
}
