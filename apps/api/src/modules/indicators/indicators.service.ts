import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorAggregation, IndicatorUnit } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { assertVersion } from '../../common/version';
import { queryRow, readList } from '../../persistence/sql';
import { findForUpdate } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import type { CreateIndicatorDto } from './dto/create-indicator.dto';
import { IndicatorResponse, type IndicatorRow } from './dto/indicator.response';
import type { ListIndicatorsQuery } from './dto/list-indicators.query';
import type { UpdateIndicatorDto } from './dto/update-indicator.dto';
import { Indicator } from './indicator.entity';
import { indicatorAgreementSql, indicatorList, indicatorSql, indicatorUseSql } from './indicators.queries';

const indicatorAudit = new AuditTrail('indicator');

/** The audited columns of an indicator (a copy: later changes to the row don't touch it). */
function snapshot(row: Indicator): Record<string, unknown> {
  return {
    code: row.code,
    nameFi: row.nameFi,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    definitionFi: row.definitionFi,
    definitionSv: row.definitionSv,
    definitionEn: row.definitionEn,
    unit: row.unit,
    unitName: row.unitName,
    kind: row.kind,
    aggregation: row.aggregation,
    source: row.source,
    agreementId: row.agreementId,
  };
}

/** The fields of a derived indicator that its derivation fixes. */
const FIXED_WHEN_DERIVED = ['unit', 'aggregation', 'agreementId'] as const;

/**
 * The indicator catalogue. Everyone reads the common indicators and their own city's agreements'
 * own; writes are an admin's ('indicators:write', enforced by the route), each audited.
 */
@Injectable()
export class IndicatorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListIndicatorsQuery, actor: Actor): Promise<Page<IndicatorResponse>> {
    return readList(this.dataSource, query, indicatorList(query, actor), (row: IndicatorRow) =>
      IndicatorResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<IndicatorResponse> {
    const row = await queryRow<IndicatorRow>(this.dataSource, (sql) => indicatorSql(sql, id, actor));
    if (!row) throw notFound('Indicator', id);
    return IndicatorResponse.from(row);
  }

  async create(dto: CreateIndicatorDto, actor: Actor): Promise<IndicatorResponse> {
    assertUnitRules(dto.unit, dto.unitName ?? null, dto.aggregation);
    return this.dataSource.transaction(async (manager) => {
      const agreement = dto.agreementId ? await lockAgreement(manager, dto.agreementId, actor) : null;
      const saved = await manager.save(
        manager.create(Indicator, {
          code: dto.code,
          nameFi: dto.nameFi,
          nameSv: dto.nameSv,
          nameEn: dto.nameEn,
          definitionFi: dto.definitionFi ?? null,
          definitionSv: dto.definitionSv ?? null,
          definitionEn: dto.definitionEn ?? null,
          unit: dto.unit,
          unitName: dto.unitName ?? null,
          kind: dto.kind,
          aggregation: dto.aggregation,
          source: dto.source,
          agreementId: dto.agreementId ?? null,
          derivation: null,
        }),
      );
      await indicatorAudit.created(manager, actor, { id: saved.id, after: snapshot(saved), cityId: agreement?.cityId });
      return IndicatorResponse.from(toRow(saved, agreement?.title ?? null));
    });
  }

  async update(id: string, dto: UpdateIndicatorDto, version: number, actor: Actor): Promise<IndicatorResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockIndicator(manager, id, actor);
      assertVersion('Indicator', row.version, version);
      const before = snapshot(row);
      if (row.derivation !== null) {
        const fixed = FIXED_WHEN_DERIVED.filter((f) => dto[f] !== undefined && dto[f] !== row[f]);
        if (fixed.length > 0) {
          throw new DomainError(
            'RULE_VIOLATION',
            'A derived indicator is counted from the participant register: its unit, aggregation and agreement are fixed',
            Object.fromEntries(fixed.map((f) => [f, [issue('derived', `${f} of a derived indicator cannot change`)]])),
          );
        }
      }
      const unit = dto.unit ?? row.unit;
      // A unit that stops being "other" drops its name unless the request names one (then it is refused).
      const unitName = dto.unitName !== undefined ? dto.unitName : unit === 'other' ? row.unitName : null;
      const aggregation = dto.aggregation ?? row.aggregation;
      assertUnitRules(unit, unitName, aggregation);
      let agreement: { cityId: string; title: string } | null = null;
      if (dto.agreementId !== undefined && dto.agreementId !== row.agreementId) {
        agreement = dto.agreementId === null ? null : await lockAgreement(manager, dto.agreementId, actor);
        await assertAgreementChange(manager, id, dto.agreementId);
      } else if (row.agreementId !== null) {
        agreement = (await queryRow<{ cityId: string; title: string }>(manager, (sql) =>
          indicatorAgreementSql(sql, row.agreementId!, actor),
        ))!;
      }
      for (const field of [
        'code',
        'nameFi',
        'nameSv',
        'nameEn',
        'definitionFi',
        'definitionSv',
        'definitionEn',
        'kind',
        'source',
        'agreementId',
      ] as const) {
        if (dto[field] !== undefined) (row as unknown as Record<string, unknown>)[field] = dto[field];
      }
      row.unit = unit;
      row.unitName = unitName;
      row.aggregation = aggregation;
      const saved = await manager.save(row);
      await indicatorAudit.updated(manager, actor, {
        id,
        before,
        after: snapshot(saved),
        cityId: agreement?.cityId ?? null,
      });
      return IndicatorResponse.from(toRow(saved, agreement?.title ?? null));
    });
  }

  /** Refused while targets or values use the indicator (409 IN_USE), and for a derived one (409 RULE_VIOLATION). */
  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await lockIndicator(manager, id, actor);
      if (version !== undefined) assertVersion('Indicator', row.version, version);
      if (row.derivation !== null) {
        throw new DomainError('RULE_VIOLATION', 'A derived indicator belongs to Salkku and cannot be deleted', {
          record: [issue('derived', 'the indicator is computed from the participant register')],
        });
      }
      const use = (await queryRow<{ targets: number; actuals: number }>(manager, (sql) =>
        indicatorUseSql(sql, id, null),
      ))!;
      if (use.targets + use.actuals > 0) {
        const problems: FieldIssues = {};
        if (use.targets > 0) {
          problems.targets = [issue('inUse', `${use.targets} target(s) use this indicator`, { count: use.targets })];
        }
        if (use.actuals > 0) {
          problems.actuals = [issue('inUse', `${use.actuals} value(s) use this indicator`, { count: use.actuals })];
        }
        throw new DomainError('IN_USE', 'Targets or values still use the indicator; remove them first', problems);
      }
      const cityId = row.agreementId
        ? (await queryRow<{ cityId: string }>(manager, (sql) => indicatorAgreementSql(sql, row.agreementId!, actor)))
            ?.cityId
        : null;
      await manager.delete(Indicator, { id });
      await indicatorAudit.deleted(manager, actor, { id, before: snapshot(row), cityId });
    });
  }
}

/**
 * The unit rules: a unit name exactly when the unit is "other", and a percentage aggregates as
 * its latest value (percentages never sum). 400 with the problem on the field to change.
 */
function assertUnitRules(unit: IndicatorUnit, unitName: string | null, aggregation: IndicatorAggregation): void {
  if (unit === 'other' && unitName === null) {
    throw invalid('unitName', 'required', 'an indicator whose unit is other needs the unit’s name (unitName)');
  }
  if (unit !== 'other' && unitName !== null) {
    throw invalid('unitName', 'onlyForUnitOther', `unitName is given only when the unit is other (it is ${unit})`);
  }
  if (unit === 'percent' && aggregation !== 'latest') {
    throw invalid('aggregation', 'percentIsLatest', 'a percentage indicator aggregates as its latest value');
  }
}

/** The indicator locked for a write; another city's agreement-own indicator is NOT_FOUND like a missing one. */
async function lockIndicator(manager: EntityManager, id: string, actor: Actor): Promise<Indicator> {
  const row = await findForUpdate(manager, Indicator, id, 'Indicator');
  if (row.agreementId !== null) {
    const agreement = await queryRow(manager, (sql) => indicatorAgreementSql(sql, row.agreementId!, actor));
    if (!agreement) throw notFound('Indicator', id);
  }
  return row;
}

/** The agreement an indicator becomes the own of: in the actor's scope, else 400 on agreementId. */
async function lockAgreement(
  manager: EntityManager,
  agreementId: string,
  actor: Actor,
): Promise<{ cityId: string; title: string }> {
  const agreement = await queryRow<{ cityId: string; title: string }>(manager, (sql) =>
    indicatorAgreementSql(sql, agreementId, actor),
  );
  if (!agreement) throw invalid('agreementId', 'notFound', `agreement ${agreementId} does not exist`);
  return agreement;
}

/**
 * An indicator may become one agreement's own only while no other agreement has targets or values
 * of it (they could no longer use it); becoming common is always fine.
 */
async function assertAgreementChange(manager: EntityManager, id: string, agreementId: string | null): Promise<void> {
  if (agreementId === null) return;
  const use = (await queryRow<{ otherAgreements: number }>(manager, (sql) => indicatorUseSql(sql, id, agreementId)))!;
  if (use.otherAgreements > 0) {
    throw new DomainError('IN_USE', 'Other agreements have targets or values of this indicator', {
      agreementId: [
        issue('inUse', `${use.otherAgreements} other agreement(s) use this indicator`, {
          count: use.otherAgreements,
        }),
      ],
    });
  }
}

function toRow(indicator: Indicator, agreementTitle: string | null): IndicatorRow {
  return { ...indicator, agreementTitle };
}
