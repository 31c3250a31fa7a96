import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { addIssue, DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { assertVersion } from '../../common/version';
import { queryRow, readList } from '../../persistence/sql';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import type { CreateIndicatorTargetDto, TargetMilestoneInput } from './dto/create-indicator-target.dto';
import { IndicatorTargetResponse, type IndicatorTargetRow } from './dto/indicator-target.response';
import type { ListIndicatorTargetsQuery } from './dto/list-indicator-targets.query';
import type { UpdateIndicatorTargetDto } from './dto/update-indicator-target.dto';
import { lockHolder, removeHeld, lockIndicatorFor, storedHolder } from './indicator-holders';
import { IndicatorTarget, type TargetMilestone } from './indicator-target.entity';
import { exactValue } from './indicator-value.column';
import { indicatorTargetList, indicatorTargetSql } from './indicators.queries';

const targetAudit = new AuditTrail('indicator_target');

/** The audited columns of a target, values in their exact form. */
function snapshot(row: IndicatorTarget): Record<string, unknown> {
  return {
    indicatorId: row.indicatorId,
    agreementId: row.agreementId,
    projectId: row.projectId,
    baselineValue: exactValue(row.baselineValue),
    baselineYear: row.baselineYear,
    targetValue: exactValue(row.targetValue),
    targetYear: row.targetYear,
    milestones: row.milestones,
  };
}

/**
 * Targets of indicators: an agreement's own (no project) or a project's. Reads and writes are
 * scoped to the holder agreement's city; every write is audited (a project's in its history).
 */
@Injectable()
export class IndicatorTargetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListIndicatorTargetsQuery, actor: Actor): Promise<Page<IndicatorTargetResponse>> {
    return readList(this.dataSource, query, indicatorTargetList(query, actor), (row: IndicatorTargetRow) =>
      IndicatorTargetResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<IndicatorTargetResponse> {
    const row = await queryRow<IndicatorTargetRow>(this.dataSource, (sql) => indicatorTargetSql(sql, id, actor));
    if (!row) throw notFound('IndicatorTarget', id);
    return IndicatorTargetResponse.from(row);
  }

  async create(dto: CreateIndicatorTargetDto, actor: Actor): Promise<IndicatorTargetResponse> {
    const milestones = checkedTarget(dto.baselineYear, dto.targetYear, dto.milestones ?? []);
    return this.dataSource.transaction(async (manager) => {
      const holder = await lockHolder(manager, dto, actor);
      await lockIndicatorFor(manager, dto.indicatorId, holder, actor);
      const saved = await manager.save(
        manager.create(IndicatorTarget, {
          indicatorId: dto.indicatorId,
          agreementId: holder.agreementId,
          projectId: holder.projectId,
          baselineValue: dto.baselineValue,
          baselineYear: dto.baselineYear,
          targetValue: dto.targetValue,
          targetYear: dto.targetYear,
          milestones,
        }),
      );
      await targetAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(saved),
        projectId: holder.projectId,
        cityId: holder.cityId,
      });
      return reread(manager, saved.id, actor);
    });
  }

  async update(
    id: string,
    dto: UpdateIndicatorTargetDto,
    version: number,
    actor: Actor,
  ): Promise<IndicatorTargetResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, IndicatorTarget, id, 'IndicatorTarget');
      const holder = await storedHolder(manager, row, actor, 'IndicatorTarget');
      assertVersion('IndicatorTarget', row.version, version);
      const before = snapshot(row);
      const baselineYear = dto.baselineYear ?? row.baselineYear;
      const targetYear = dto.targetYear ?? row.targetYear;
      row.milestones = checkedTarget(baselineYear, targetYear, dto.milestones ?? row.milestones);
      row.baselineYear = baselineYear;
      row.targetYear = targetYear;
      if (dto.baselineValue !== undefined) row.baselineValue = dto.baselineValue;
      if (dto.targetValue !== undefined) row.targetValue = dto.targetValue;
      const saved = await manager.save(row);
      await targetAudit.updated(manager, actor, {
        id,
        before,
        after: snapshot(saved),
        projectId: holder.projectId,
        cityId: holder.cityId,
      });
      return reread(manager, id, actor);
    });
  }

  remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    return removeHeld(this.dataSource, IndicatorTarget, 'IndicatorTarget', targetAudit, snapshot, id, version, actor);
  }
}

/** The target as the API answers it, read back inside the write's transaction. */
async function reread(manager: EntityManager, id: string, actor: Actor): Promise<IndicatorTargetResponse> {
  const row = await queryRow<IndicatorTargetRow>(manager, (sql) => indicatorTargetSql(sql, id, actor));
  return IndicatorTargetResponse.from(row!);
}

/**
 * The target's years and milestones checked: the target year on or after the baseline year, and
 * each milestone's year strictly between them and given once. Returns the milestones by year, in
 * their exact form; else 400 with every problem.
 */
function checkedTarget(
  baselineYear: number,
  targetYear: number,
  milestones: ReadonlyArray<TargetMilestoneInput | TargetMilestone>,
): TargetMilestone[] {
  const problems: FieldIssues = {};
  if (targetYear < baselineYear) {
    addIssue(
      problems,
      'targetYear',
      issue('yearOrder', `targetYear (${targetYear}) is before baselineYear (${baselineYear})`),
    );
  }
  const seen = new Set<number>();
  milestones.forEach((m, i) => {
    if (m.year <= baselineYear || m.year >= targetYear) {
      addIssue(
        problems,
        `milestones.${i}.year`,
        issue(
          'outsideTargetYears',
          `a milestone year must be after the baseline year and before the target year (${baselineYear}–${targetYear})`,
          { from: baselineYear + 1, to: targetYear - 1 },
        ),
      );
    } else if (seen.has(m.year)) {
      addIssue(problems, `milestones.${i}.year`, issue('duplicate', `the year ${m.year} has two milestones`));
    }
    seen.add(m.year);
  });
  if (Object.keys(problems).length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The target’s years do not fit together', problems);
  }
  return [...milestones].sort((a, b) => a.year - b.year).map((m) => ({ year: m.year, value: exactValue(m.value) }));
}
