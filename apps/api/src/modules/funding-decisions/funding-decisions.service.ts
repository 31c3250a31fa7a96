import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareMoney, FUNDING_DECISION_TRANSITIONS } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { assertPeriod, assertTransition } from '../../common/rules';
import { applyPatch, findForUpdateInScope } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import type { CreateFundingDecisionDto } from './dto/create-funding-decision.dto';
import { FundingDecisionResponse, type FundingDecisionRow } from './dto/funding-decision.response';
import type { ListFundingDecisionsQuery } from './dto/list-funding-decisions.query';
import type { UpdateFundingDecisionDto } from './dto/update-funding-decision.dto';
import { FundingDecision } from './funding-decision.entity';
import {
  fundingDecisionCitySql,
  fundingDecisionPage,
  fundingDecisionSql,
  referencesSql,
} from './funding-decisions.queries';

const fundingDecisionAudit = new AuditTrail('funding_decision');

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
    return readList<FundingDecisionRow & { total: string }, FundingDecisionResponse>(
      this.dataSource,
      query,
      fundingDecisionPage(query, actor, query),
      (row) => FundingDecisionResponse.from(row),
    );
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
  const row = await queryRow<FundingDecisionRow & { cityId: string }>(manager, (sql) =>
    fundingDecisionSql(sql, id, actor),
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
  const { row, cityId } = await findForUpdateInScope(manager, FundingDecision, id, 'Funding decision', actor, (sql) =>
    fundingDecisionCitySql(sql, id),
  );
  return Object.assign(row, { cityId });
}

/**
 * Checks in one statement that the named agreement, project and organisations exist, and that
 * the project belongs to the decision's agreement (through its priority area). Reports every
 * problem as a 400 with the field in the details.
 */
async function checkReferences(manager: EntityManager, actor: Actor, refs: References): Promise<void> {
  if (!refs.agreementId && !refs.projectId && !refs.funderId && !refs.recipientId) return;
  const found = await queryRow<{
    agreement: boolean;
    projectAgreementId: string | null;
    funder: boolean;
    recipient: boolean;
  }>(manager, (sql) => referencesSql(sql, refs, actor));
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
