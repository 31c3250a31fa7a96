import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPeriodOf, parseReportingPeriod, periodOf, todayIso, type ReportingPeriodicity } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRow, readList } from '../../persistence/sql';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import type { CreateIndicatorActualDto } from './dto/create-indicator-actual.dto';
import { IndicatorActualResponse, type IndicatorActualRow } from './dto/indicator-actual.response';
import type { ListIndicatorActualsQuery } from './dto/list-indicator-actuals.query';
import type { UpdateIndicatorActualDto } from './dto/update-indicator-actual.dto';
import { IndicatorActual } from './indicator-actual.entity';
import { lockHolder, removeHeld, lockIndicatorFor, storedHolder } from './indicator-holders';
import { exactValue } from './indicator-value.column';
import { indicatorActualList, indicatorActualSql } from './indicators.queries';

const actualAudit = new AuditTrail('indicator_actual');

/** The audited columns of an actual: a correction keeps the earlier value and who entered it. */
function snapshot(row: IndicatorActual): Record<string, unknown> {
  return {
    indicatorId: row.indicatorId,
    agreementId: row.agreementId,
    projectId: row.projectId,
    period: row.period,
    value: exactValue(row.value),
    note: row.note,
    enteredBy: row.enteredBy,
    enteredById: row.enteredById,
  };
}

/**
 * Actual values of indicators per reporting period, of a project or of the agreement itself.
 * Reads and writes are scoped to the holder agreement's city; every write is audited (a
 * project's in its history), so a correction keeps the value it replaced.
 */
@Injectable()
export class IndicatorActualsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListIndicatorActualsQuery, actor: Actor): Promise<Page<IndicatorActualResponse>> {
    return readList(this.dataSource, query, indicatorActualList(query, actor), (row: IndicatorActualRow) =>
      IndicatorActualResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<IndicatorActualResponse> {
    const row = await queryRow<IndicatorActualRow>(this.dataSource, (sql) => indicatorActualSql(sql, id, actor));
    if (!row) throw notFound('IndicatorActual', id);
    return IndicatorActualResponse.from(row);
  }

  create(dto: CreateIndicatorActualDto, actor: Actor): Promise<IndicatorActualResponse> {
    return this.dataSource.transaction((manager) => this.createIn(manager, dto, actor));
  }

  /** The create within the caller's transaction (a period report's one-form save enters values with it). */
  async createIn(
    manager: EntityManager,
    dto: CreateIndicatorActualDto,
    actor: Actor,
  ): Promise<IndicatorActualResponse> {
    const holder = await lockHolder(manager, dto, actor);
    const indicator = await lockIndicatorFor(manager, dto.indicatorId, holder, actor);
    if (indicator.derivation !== null) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Indicator ${indicator.code} is computed from the participant register; its values are never entered`,
        { indicatorId: [issue('derived', 'a derived indicator’s values cannot be entered')] },
      );
    }
    assertPeriod(dto.period, holder.periodicity, todayIso(this.config.timeZone));
    const saved = await manager.save(
      manager.create(IndicatorActual, {
        indicatorId: dto.indicatorId,
        agreementId: holder.agreementId,
        projectId: holder.projectId,
        period: dto.period,
        value: dto.value,
        note: dto.note ?? null,
        enteredBy: actor.name,
        enteredById: actor.id,
      }),
    );
    await actualAudit.created(manager, actor, {
      id: saved.id,
      after: snapshot(saved),
      projectId: holder.projectId,
      cityId: holder.cityId,
    });
    return reread(manager, saved.id, actor);
  }

  update(id: string, dto: UpdateIndicatorActualDto, version: number, actor: Actor): Promise<IndicatorActualResponse> {
    return this.dataSource.transaction((manager) => this.updateIn(manager, id, dto, version, actor));
  }

  /** The correction within the caller's transaction (see createIn). */
  async updateIn(
    manager: EntityManager,
    id: string,
    dto: UpdateIndicatorActualDto,
    version: number,
    actor: Actor,
  ): Promise<IndicatorActualResponse> {
    const row = await findForUpdate(manager, IndicatorActual, id, 'IndicatorActual');
    const holder = await storedHolder(manager, row, actor, 'IndicatorActual');
    assertVersion('IndicatorActual', row.version, version);
    const before = snapshot(row);
    const changed =
      (dto.value !== undefined && exactValue(dto.value) !== exactValue(row.value)) ||
      (dto.note !== undefined && dto.note !== row.note);
    if (!changed) return reread(manager, id, actor);
    if (dto.value !== undefined) row.value = dto.value;
    if (dto.note !== undefined) row.note = dto.note;
    // Whoever corrects a value answers for it now; who entered it before stays in the audit trail.
    row.enteredBy = actor.name;
    row.enteredById = actor.id;
    const saved = await manager.save(row);
    await actualAudit.updated(manager, actor, {
      id,
      before,
      after: snapshot(saved),
      projectId: holder.projectId,
      cityId: holder.cityId,
    });
    return reread(manager, id, actor);
  }

  remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    return removeHeld(this.dataSource, IndicatorActual, 'IndicatorActual', actualAudit, snapshot, id, version, actor);
  }
}

/** The actual as the API answers it, read back inside the write's transaction. */
async function reread(manager: EntityManager, id: string, actor: Actor): Promise<IndicatorActualResponse> {
  const row = await queryRow<IndicatorActualRow>(manager, (sql) => indicatorActualSql(sql, id, actor));
  return IndicatorActualResponse.from(row!);
}

/**
 * A period of the agreement's reporting periodicity (a year, or a half-year) and not after the
 * current period (values are reported after the fact): else 400 on period.
 */
function assertPeriod(period: string, periodicity: ReportingPeriodicity, today: string): void {
  if (!isPeriodOf(period, periodicity)) {
    const kind = periodicity === 'year' ? 'years ("2025")' : 'half-years ("2025-H1", "2025-H2")';
    throw invalid('period', 'wrongPeriodicity', `the agreement reports by ${kind}`, { periodicity });
  }
  const current = periodOf(today, periodicity);
  const a = parseReportingPeriod(period);
  const b = parseReportingPeriod(current);
  if (a.year > b.year || (a.year === b.year && a.half > b.half)) {
    throw invalid('period', 'periodInFuture', `the period ${period} is after the current period ${current}`, {
      current,
    });
  }
}
