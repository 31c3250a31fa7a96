import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { periodBounds, periodOf, periodsBetween, todayIso, type ReportingPeriodicity } from '@salkku/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRow, queryRows, readAll, type Queryable } from '../../persistence/sql';
import type {
  AgreementIndicatorResults,
  Enterprise,
  IndicatorRef,
  IndicatorResultLine,
  IndicatorSummary,
  NationalIndicatorResults,
  ProjectIndicatorResults,
  TargetValues,
} from './dto/indicator-results.response';
import type { IndicatorSummaryQuery } from './dto/indicator-summary.query';
import {
  aggregatedLine,
  combinedLine,
  derivedLine,
  resultLine,
  summedTarget,
  summedTargetGroups,
  targetValues,
  type Series,
} from './indicator-results';
import { exactValue } from './indicator-value.column';
import {
  derivedCountsSql,
  resultAggregatesSql,
  resultAgreementSql,
  resultAgreementsSql,
  resultIndicatorsSql,
  resultProjectSql,
  type AggregateIndicatorRow,
  NATION_HOLDER,
  type DerivedCountRow,
  type DerivedHolder,
  type ResultActualRow,
  type ResultAgreement,
  type ResultIndicatorRow,
} from './indicators.queries';

/** The derived counts of one answer, by level key (null: over everything) and derivation. */
class DerivedCounts {
  private readonly counts = new Map<string, Map<string | null, number>>();
  private readonly enterprises = new Map<string, Enterprise[]>();
  private readonly registered = new Set<string | null>();

  constructor(rows: readonly DerivedCountRow[]) {
    for (const row of rows) {
      const key = row.key;
      if (row.derivation === null) {
        if (row.count > 0) this.registered.add(key);
        continue;
      }
      const id = `${row.derivation}|${key ?? ''}`;
      const byPeriod = this.counts.get(id) ?? new Map<string | null, number>();
      byPeriod.set(row.period, row.count);
      this.counts.set(id, byPeriod);
      if (row.period === null && row.enterprises !== null) {
        this.enterprises.set(
          id,
          row.enterprises
            .map((e) => ({ ...e, flagged: e.businessId === null }))
            .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.organisationId.localeCompare(b.organisationId)),
        );
      }
    }
  }

  /** The line of a derivation at a level key (null: over everything). */
  line(
    derivation: string,
    key: string | null,
    target: TargetValues | null,
    periods: readonly string[],
    latest: string,
  ): IndicatorResultLine {
    const counts = this.counts.get(`${derivation}|${key ?? ''}`) ?? new Map<string | null, number>();
    return derivedLine(target, periods, counts, this.registered.has(key), latest);
  }

  /** The enterprises a derivation counts to date at a level key (none registered: an empty list). */
  enterprisesOf(derivation: string, key: string | null): Enterprise[] {
    return this.enterprises.get(`${derivation}|${key ?? ''}`) ?? [];
  }
}

function ref(row: Omit<ResultIndicatorRow, 'targets' | 'actuals'>): IndicatorRef {
  return {
    id: row.id,
    code: row.code,
    nameFi: row.nameFi,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    unit: row.unit,
    unitName: row.unitName,
    kind: row.kind,
    aggregation: row.aggregation,
    source: row.source,
    derivation: row.derivation,
    agreementId: row.agreementId,
  };
}

/** Actuals grouped into one series per holder (a project, or the agreement itself: key ''). */
function seriesByHolder(actuals: readonly ResultActualRow[], holderOf: (a: ResultActualRow) => string): Series[] {
  const groups = new Map<string, { period: string; value: string }[]>();
  for (const a of actuals) {
    const key = holderOf(a);
    groups.set(key, [...(groups.get(key) ?? []), { period: a.period, value: exactValue(a.value) }]);
  }
  return [...groups.values()];
}

/** The target of an agreement's or an area's groups: its own, else the projects' targets added up. */
function groupTarget(row: AggregateIndicatorRow, agreementId: string, areaId?: string): TargetValues | null {
  const targets = row.targets.filter((g) => g.agreementId === agreementId);
  if (areaId !== undefined)
    return summedTargetGroups(
      row.unit,
      targets.filter((g) => g.areaId === areaId && !g.own),
    );
  const own = targets.find((g) => g.own);
  return own
    ? targetValues(own)
    : summedTargetGroups(
        row.unit,
        targets.filter((g) => !g.own),
      );
}

/** The values of an agreement's groups: one area's, or the agreement's own when it has any, else its projects'. */
function groupSums(row: AggregateIndicatorRow, agreementId: string, areaId?: string) {
  const toDate = row.toDate.filter((d) => d.agreementId === agreementId);
  const periodSums = row.periodSums.filter((s) => s.agreementId === agreementId);
  const own = toDate.some((d) => d.areaId === null);
  const counted = (group: { areaId: string | null }) =>
    areaId !== undefined ? group.areaId === areaId : own ? group.areaId === null : group.areaId !== null;
  return { toDate: toDate.filter(counted), periodSums: periodSums.filter(counted) };
}

/**
 * An agreement's line for an indicator: its own values when it has any, else its projects' added
 * up; its own target, else its projects' targets added up.
 */
function agreementLine(
  row: AggregateIndicatorRow,
  agreementId: string,
  periods: readonly string[],
): IndicatorResultLine {
  return aggregatedLine(row, groupTarget(row, agreementId), groupSums(row, agreementId), periods);
}

/**
 * Indicators against their targets. Each answer is read with a fixed number of statements — the
 * holder, the indicators with their targets and actuals, and the derived counts — however many
 * indicators, projects and periods there are; the arithmetic is the shared rules' (indicator-results.ts).
 */
@Injectable()
export class IndicatorResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIso(this.config.timeZone);
  }

  async project(id: string, actor: Actor): Promise<ProjectIndicatorResults> {
    const today = this.today();
    const project = await queryRow<ResultAgreement & { projectId: string }>(this.dataSource, (sql) =>
      resultProjectSql(sql, id, actor),
    );
    if (!project) throw notFound('Project', id);
    const periods = agreementPeriods(project, today);
    const [rows, derived] = await Promise.all([
      queryRows<ResultIndicatorRow>(this.dataSource, (sql) => resultIndicatorsSql(sql, id)),
      this.derived(
        [{ level: 'project', holder: id, key: id, toDate: toDateOf(today, project.periodicity), list: true }],
        periods,
      ),
    ]);
    const latest = periodOf(today, project.periodicity);
    return {
      projectId: id,
      periodicity: project.periodicity,
      periods,
      indicators: rows.map((row) => {
        const own = row.targets[0];
        const target = own ? targetValues(own) : null;
        return {
          indicator: ref(row),
          targetId: own?.id ?? null,
          targetVersion: own ? Number(own.version) : null,
          result:
            row.derivation === null
              ? resultLine(
                  row,
                  target,
                  seriesByHolder(row.actuals, () => id),
                  periods,
                )
              : derived.line(row.derivation, id, target, periods, latest),
          actuals: row.actuals.map((a) => ({
            id: a.id,
            period: a.period,
            value: exactValue(a.value),
            note: a.note,
            enteredBy: a.enteredBy,
            updatedAt: new Date(a.updatedAt).toISOString(),
            version: Number(a.version),
          })),
          enterprises: row.derivation === null ? null : derived.enterprisesOf(row.derivation, id),
        };
      }),
    };
  }

  /** `db`: a transaction's manager, for results read within a write (a round's frozen report). */
  async agreement(id: string, actor: Actor, db: Queryable = this.dataSource): Promise<AgreementIndicatorResults> {
    const today = this.today();
    const agreement = await queryRow<
      ResultAgreement & {
        areas: Array<{ priorityAreaId: string; nameFi: string; nameSv: string | null; nameEn: string | null }>;
      }
    >(db, (sql) => resultAgreementSql(sql, id, actor));
    if (!agreement) throw notFound('Agreement', id);
    const periods = agreementPeriods(agreement, today);
    const [rows, derived] = await readAll(db === this.dataSource, [
      () =>
        queryRows<AggregateIndicatorRow>(db, (sql) =>
          resultAggregatesSql(sql, { level: 'agreement', agreementId: id }),
        ),
      () =>
        this.derived(
          [
            { level: 'agreement', holder: id, key: id, toDate: toDateOf(today, agreement.periodicity), list: true },
            ...agreement.areas.map((area): DerivedHolder => ({
              level: 'area',
              holder: area.priorityAreaId,
              key: area.priorityAreaId,
              toDate: toDateOf(today, agreement.periodicity),
              list: false,
            })),
          ],
          periods,
          db,
        ),
    ]);
    const latest = periodOf(today, agreement.periodicity);
    return {
      agreementId: id,
      periodicity: agreement.periodicity,
      periods,
      indicators: rows.map((row) => {
        const areaLine = (areaId: string): IndicatorResultLine => {
          const target = groupTarget(row, id, areaId);
          if (row.derivation !== null) return derived.line(row.derivation, areaId, target, periods, latest);
          return aggregatedLine(row, target, groupSums(row, id, areaId), periods);
        };
        const line =
          row.derivation === null
            ? agreementLine(row, id, periods)
            : derived.line(row.derivation, id, groupTarget(row, id), periods, latest);
        return {
          indicator: ref(row),
          agreement: line,
          areas: agreement.areas.map((area) => ({ ...area, result: areaLine(area.priorityAreaId) })),
          enterprises: row.derivation === null ? null : derived.enterprisesOf(row.derivation, id),
        };
      }),
    };
  }

  async national(actor: Actor): Promise<NationalIndicatorResults> {
    const today = this.today();
    const thisYear = today.slice(0, 4);
    const agreements = await queryRows<ResultAgreement>(this.dataSource, (sql) => resultAgreementsSql(sql, actor));
    const firstYear = Math.min(...agreements.map((a) => firstYearOf(a, today)), Number(thisYear));
    const periods = periodsBetween(firstYear, Number(thisYear), 'year');
    const toDate = toDateOf(today, 'year');
    // Over everything: the whole country's stretches for an actor who sees every city, else the
    // actor's agreements' gathered (an enterprise in two of them counts once).
    const everything: DerivedHolder[] =
      actor.cityId === null
        ? [{ level: 'all', holder: NATION_HOLDER, key: null, toDate, list: true }]
        : agreements.map((a) => ({ level: 'agreement', holder: a.agreementId, key: null, toDate, list: true }));
    const [rows, derived] = await Promise.all([
      queryRows<AggregateIndicatorRow>(this.dataSource, (sql) =>
        resultAggregatesSql(sql, { level: 'national', actor }),
      ),
      this.derived(
        [
          ...agreements.map((a): DerivedHolder => ({
            level: 'agreement',
            holder: a.agreementId,
            key: a.agreementId,
            toDate,
            list: false,
          })),
          ...everything,
        ],
        periods,
      ),
    ]);
    return {
      periods,
      indicators: rows.map((row) => {
        const perAgreement = agreements.map((agreement) => {
          const result =
            row.derivation === null
              ? agreementLine(row, agreement.agreementId, periods)
              : derived.line(
                  row.derivation,
                  agreement.agreementId,
                  groupTarget(row, agreement.agreementId),
                  periods,
                  thisYear,
                );
          return { agreementId: agreement.agreementId, title: agreement.title, cityName: agreement.cityName, result };
        });
        const totalTarget = summedTarget(
          row.unit,
          perAgreement.map((a) => a.result.target).filter((t): t is TargetValues => t !== null),
        );
        const total =
          row.derivation === null
            ? combinedLine(
                row,
                totalTarget,
                perAgreement.map((a) => a.result),
                periods,
              )
            : derived.line(row.derivation, null, totalTarget, periods, thisYear);
        return {
          indicator: ref(row),
          agreements: perAgreement,
          total,
          enterprises: row.derivation === null ? null : derived.enterprisesOf(row.derivation, null),
        };
      }),
    };
  }

  async summary(query: IndicatorSummaryQuery, actor: Actor): Promise<IndicatorSummary> {
    const today = this.today();
    const agreements = await queryRows<ResultAgreement>(this.dataSource, (sql) =>
      resultAgreementsSql(sql, actor, query.agreementId),
    );
    if (query.agreementId !== undefined && agreements.length === 0) throw notFound('Agreement', query.agreementId);
    // The values and the enterprises at once (the derived counts read the kept stretches, to date only).
    const [rows, derived] = await Promise.all([
      queryRows<AggregateIndicatorRow>(this.dataSource, (sql) =>
        resultAggregatesSql(sql, { level: 'summary', actor, agreementId: query.agreementId }),
      ),
      this.derived(
        agreements.map((a) => ({
          level: 'agreement',
          holder: a.agreementId,
          key: a.agreementId,
          toDate: toDateOf(today, a.periodicity),
          list: false,
        })),
        [],
      ),
    ]);
    const listed = new Set<string>();
    const summary = agreements.map((agreement) => {
      const periods = agreementPeriods(agreement, today);
      const latest = periodOf(today, agreement.periodicity);
      return {
        agreementId: agreement.agreementId,
        title: agreement.title,
        indicators: rows.flatMap((row) => {
          if (!row.targets.some((g) => g.agreementId === agreement.agreementId)) return [];
          const line =
            row.derivation === null
              ? agreementLine(row, agreement.agreementId, periods)
              : derived.line(
                  row.derivation,
                  agreement.agreementId,
                  groupTarget(row, agreement.agreementId),
                  [],
                  latest,
                );
          if (line.target === null) return [];
          listed.add(row.id);
          return [
            {
              indicatorId: row.id,
              toDate: line.toDate,
              targetValue: line.target.targetValue,
              achievement: line.achievement,
              onPace: line.onPace,
            },
          ];
        }),
      };
    });
    // Each indicator's names and unit once, not once per agreement: a liaison's strip lists 50.
    return { indicators: rows.filter((row) => listed.has(row.id)).map(ref), agreements: summary };
  }

  /**
   * The derived counts of the holders per period and to date (one statement over the kept
   * stretches); `db`: a transaction's manager, when the results are read within a write.
   */
  private async derived(
    holders: readonly DerivedHolder[],
    periods: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<DerivedCounts> {
    return new DerivedCounts(await queryRows<DerivedCountRow>(db, (sql) => derivedCountsSql(sql, holders, periods)));
  }
}

/** The last day "to date" covers: the end of the current period of the periodicity. */
function toDateOf(today: string, periodicity: ReportingPeriodicity): string {
  return periodBounds(periodOf(today, periodicity)).to;
}

/** The first year of an agreement's periods: its start (or earliest value), never after this year. */
function firstYearOf(agreement: ResultAgreement, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  return Math.min(agreement.firstYear ?? thisYear, thisYear);
}

/** An agreement's periods from its first year to the current period. */
function agreementPeriods(agreement: ResultAgreement, today: string): string[] {
  const current = periodOf(today, agreement.periodicity);
  const thisYear = Number(today.slice(0, 4));
  return periodsBetween(firstYearOf(agreement, today), thisYear, agreement.periodicity).filter(
    (p) => agreement.periodicity === 'year' || p <= current,
  );
}
