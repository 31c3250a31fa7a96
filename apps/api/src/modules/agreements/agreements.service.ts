import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { addIssue, DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { periodProblems } from '../../common/rules';
import { inScope } from '../../common/scope';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import { FundingDecision } from '../funding-decisions/funding-decision.entity';
import { PriorityArea } from '../priority-areas/priority-area.entity';
import { Agreement } from './agreement.entity';
import { agreementList, agreementSql, indicatorValueCountSql } from './agreements.queries';
import { AgreementResponse, type AgreementRow } from './dto/agreement.response';
import type { CreateAgreementDto } from './dto/create-agreement.dto';
import type { ListAgreementsQuery } from './dto/list-agreements.query';
import type { UpdateAgreementDto } from './dto/update-agreement.dto';
import { organisationKindSql } from '../organisations/organisations.queries';

const agreementAudit = new AuditTrail('agreement');

/** The audited columns of an agreement (dates as their exact "YYYY-MM-DD" strings). */
function snapshot(
  row: Agreement,
): Pick<Agreement, 'cityId' | 'title' | 'signedOn' | 'validFrom' | 'validTo' | 'reportingPeriodicity'> {
  return {
    cityId: row.cityId,
    title: row.title,
    signedOn: row.signedOn,
    validFrom: row.validFrom,
    validTo: row.validTo,
    reportingPeriodicity: row.reportingPeriodicity,
  };
}

function throwIfAny(details: FieldIssues): void {
  if (Object.keys(details).length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The agreement has invalid fields', details);
  }
}

/**
 * Agreements are scoped by their own city: an actor limited to one city (coordinator, manager)
 * sees, counts and finds only that city's agreements; any other id is simply not found.
 */
@Injectable()
export class AgreementsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListAgreementsQuery, actor: Actor): Promise<Page<AgreementResponse>> {
    return readList(this.dataSource, query, agreementList(query, actor), (row: AgreementRow) =>
      AgreementResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<AgreementResponse> {
    return this.load(this.dataSource.manager, id, actor);
  }

  async create(dto: CreateAgreementDto, actor: Actor): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const details = periodProblems(
        { field: 'validFrom', date: dto.validFrom },
        { field: 'validTo', date: dto.validTo },
      );
      await this.checkCity(manager, dto.cityId, actor, details);
      throwIfAny(details);
      const saved = await manager.save(
        manager.create(Agreement, {
          cityId: dto.cityId,
          title: dto.title,
          signedOn: dto.signedOn ?? null,
          validFrom: dto.validFrom ?? null,
          validTo: dto.validTo ?? null,
          reportingPeriodicity: dto.reportingPeriodicity ?? 'year',
        }),
      );
      await agreementAudit.created(manager, actor, { id: saved.id, after: snapshot(saved), cityId: saved.cityId });
      return this.load(manager, saved.id, actor);
    });
  }

  async update(id: string, dto: UpdateAgreementDto, version: number, actor: Actor): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockInScope(manager, id, actor);
      assertVersion('Agreement', row.version, version);
      const before = snapshot(row);
      const details = periodProblems(
        { field: 'validFrom', date: dto.validFrom !== undefined ? dto.validFrom : row.validFrom },
        { field: 'validTo', date: dto.validTo !== undefined ? dto.validTo : row.validTo },
      );
      if (dto.cityId !== undefined && dto.cityId !== row.cityId) {
        await this.checkCity(manager, dto.cityId, actor, details);
      }
      if (dto.reportingPeriodicity !== undefined && dto.reportingPeriodicity !== row.reportingPeriodicity) {
        await assertNoIndicatorValues(manager, id);
      }
      throwIfAny(details);
      const saved = await manager.save(applyPatch(row, dto));
      await agreementAudit.updated(manager, actor, { id, before, after: snapshot(saved), cityId: saved.cityId });
      return this.load(manager, id, actor);
    });
  }

  /** Refuses (409 IN_USE, nothing deleted) while priority areas or funding decisions refer to it. */
  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockInScope(manager, id, actor);
      if (version !== undefined) assertVersion('Agreement', row.version, version);
      // The row lock above makes concurrent inserts of areas/decisions wait (their FK check
      // needs a key-share lock on this row), so these counts cannot go stale before the delete.
      const priorityAreas = await manager.countBy(PriorityArea, { agreementId: id });
      const fundingDecisions = await manager.countBy(FundingDecision, { agreementId: id });
      if (priorityAreas > 0 || fundingDecisions > 0) {
        const details: FieldIssues = {};
        if (priorityAreas > 0) {
          details.priorityAreas = [
            issue('inUse', `${priorityAreas} priority area(s) belong to this agreement`, { count: priorityAreas }),
          ];
        }
        if (fundingDecisions > 0) {
          details.fundingDecisions = [
            issue('inUse', `${fundingDecisions} funding decision(s) belong to this agreement`, {
              count: fundingDecisions,
            }),
          ];
        }
        throw new DomainError(
          'IN_USE',
          'The agreement still has priority areas or funding decisions; remove them first',
          details,
        );
      }
      await manager.delete(Agreement, { id });
      await agreementAudit.deleted(manager, actor, { id, before: snapshot(row), cityId: row.cityId });
    });
  }

  /** The agreement with its city, in one statement, or NOT_FOUND (also when outside the actor's scope). */
  private async load(manager: EntityManager, id: string, actor: Actor): Promise<AgreementResponse> {
    const row = await queryRow<AgreementRow>(manager, (sql) => agreementSql(sql, id, actor));
    if (!row) throw notFound('Agreement', id);
    return AgreementResponse.from(row);
  }

  /**
   * Loads the agreement for update (SELECT … FOR UPDATE) within the actor's scope, or NOT_FOUND:
   * another city's agreement is indistinguishable from a missing one.
   */
  private async lockInScope(manager: EntityManager, id: string, actor: Actor): Promise<Agreement> {
    const row = await findForUpdate(manager, Agreement, id, 'Agreement');
    if (!inScope(actor, row.cityId)) throw notFound('Agreement', id);
    return row;
  }

  /**
   * The city must be an existing organisation of kind "city". The key-share lock keeps it from
   * being deleted (or its key changed) before this transaction commits. An actor limited to one
   * city may only name that city (only admins, who see every city, hold 'agreements:write' today;
   * this keeps the rule true should that change).
   */
  private async checkCity(manager: EntityManager, cityId: string, actor: Actor, details: FieldIssues): Promise<void> {
    if (!inScope(actor, cityId)) {
      addIssue(details, 'cityId', issue('outOfScope', `cityId ${cityId} is not a city whose agreements you manage`));
      return;
    }
    const city = await queryRow<{ kind: string }>(manager, (sql) => organisationKindSql(sql, cityId, 'FOR KEY SHARE'));
    if (!city) addIssue(details, 'cityId', issue('notFound', `cityId ${cityId} is not an existing organisation`));
    else if (city.kind !== 'city')
      addIssue(
        details,
        'cityId',
        issue('notCity', `cityId must refer to a city, not an organisation of kind "${city.kind}"`),
      );
  }
}

/**
 * The reporting periodicity decides how an agreement's indicator values are dated: once values
 * exist it cannot change (they would be of the other kind). The agreement's row lock makes a
 * concurrent value insert wait (its foreign key check), so the count cannot go stale.
 */
async function assertNoIndicatorValues(manager: EntityManager, agreementId: string): Promise<void> {
  const row = await queryRow<{ n: number }>(manager, (sql) => indicatorValueCountSql(sql, agreementId));
  const count = row?.n ?? 0;
  if (count > 0) {
    throw new DomainError('RULE_VIOLATION', 'The reporting periodicity cannot change once indicator values exist', {
      reportingPeriodicity: [
        issue('inUse', `${count} indicator value(s) have been entered for this agreement`, { count }),
      ],
    });
  }
}
