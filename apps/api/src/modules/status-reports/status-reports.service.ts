import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso, type LifecycleStatus } from '@salkku/shared';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import { applySort, sortOrder, type Page, type SortOrder } from '../../common/pagination';
import { scopedThroughProject, scopeWhere, selectColumns } from '../../common/scope';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Agreement } from '../agreements/agreement.entity';
import { AuditTrail } from '../audit/audit';
import { PriorityArea } from '../priority-areas/priority-area.entity';
import { Project } from '../projects/project.entity';
import type { CreateStatusReportDto } from './dto/create-status-report.dto';
import type { ListStatusReportsQuery } from './dto/list-status-reports.query';
import { StatusReportResponse, type StatusReportRow } from './dto/status-report.response';
import { StatusReport } from './status-report.entity';

const statusReportAudit = new AuditTrail('status_report');

const SORT_COLUMNS = { reportingDate: 's.reporting_date', createdAt: 's.created_at', health: 's.health' };

/** The columns of a status report response, selected explicitly (one statement, project joined). */
const COLUMNS: Array<[string, keyof StatusReportRow]> = [
  ['s.id', 'id'],
  ['s.project_id', 'projectId'],
  ['p.code', 'projectCode'],
  ['p.name', 'projectName'],
  ['s.reporting_date', 'reportingDate'],
  ['s.health', 'health'],
  ['s.lifecycle_status', 'lifecycleStatus'],
  ['s.summary', 'summary'],
  ['s.risks', 'risks'],
  ['s.next_steps', 'nextSteps'],
  ['s.author', 'author'],
  ['s.created_at', 'createdAt'],
  ['s.version', 'version'],
];

/** The list's filters and sort (the CSV export takes the same). */
export type StatusReportFilters = Omit<ListStatusReportsQuery, 'page' | 'pageSize'>;

/**
 * The list's filtered status reports (`s`, with its project `p`, priority area `pa` and
 * agreement `a` joined once for the city scope and the agreement filter), no columns selected
 * yet: one definition for the list and the CSV export.
 */
export function filteredStatusReports(
  dataSource: DataSource,
  query: StatusReportFilters,
  actor: Actor,
): SelectQueryBuilder<StatusReport> {
  if (query.reportedFrom && query.reportedTo && query.reportedFrom > query.reportedTo) {
    throw invalid('reportedTo', 'dateOrder', 'reportedTo must be on or after reportedFrom');
  }
  const filtered = scopedThroughProject(dataSource.createQueryBuilder().from(StatusReport, 's'), actor, 's.project_id');
  if (query.agreementId) filtered.andWhere('pa.agreement_id = :agreementId', { agreementId: query.agreementId });
  if (query.projectId) filtered.andWhere('s.project_id = :projectId', { projectId: query.projectId });
  if (query.reportedFrom) filtered.andWhere('s.reporting_date >= :reportedFrom', { reportedFrom: query.reportedFrom });
  if (query.reportedTo) filtered.andWhere('s.reporting_date <= :reportedTo', { reportedTo: query.reportedTo });
  if (query.latestOnly) {
    // Each project's latest report within the date range; the health filter applies to it.
    const latest = filtered
      .subQuery()
      .select('DISTINCT ON (l.project_id) l.id')
      .from(StatusReport, 'l')
      .orderBy('l.project_id')
      .addOrderBy('l.reporting_date', 'DESC')
      .addOrderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC');
    if (query.projectId) latest.andWhere('l.project_id = :projectId');
    if (query.reportedFrom) latest.andWhere('l.reporting_date >= :reportedFrom');
    if (query.reportedTo) latest.andWhere('l.reporting_date <= :reportedTo');
    filtered.andWhere(`s.id IN ${latest.getQuery()}`);
  }
  if (query.health) filtered.andWhere('s.health = :health', { health: query.health });
  return filtered;
}

/** The list's sort order (the CSV export shares it). */
export function statusReportSortOrder(sort: string | undefined): SortOrder[] {
  const order = sortOrder(sort, SORT_COLUMNS, '-reportingDate', 's.id');
  const first = order[0];
  if (first?.column === SORT_COLUMNS.reportingDate) {
    // Two reports on the same date: the one written later is the newer.
    order.splice(1, 0, { column: SORT_COLUMNS.createdAt, direction: first.direction });
  }
  return order;
}

/**
 * Status reports are append-only: a project's history is its reports, so there is no update or
 * delete; a correction is a new report. The latest report (latest reporting date, then latest
 * created) is the project's current health.
 */
@Injectable()
export class StatusReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListStatusReportsQuery, actor: Actor): Promise<Page<StatusReportResponse>> {
    const filtered = filteredStatusReports(this.dataSource, query, actor);
    const order = statusReportSortOrder(query.sort);
    const page = selectColumns(filtered.clone(), COLUMNS).addSelect('count(*) OVER ()', 'total');
    applySort(page, order)
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    const rows = await page.getRawMany<StatusReportRow & { total: string }>();
    // The window count rides on the rows; only a page past the end needs a count of its own.
    const total = rows[0] ? Number(rows[0].total) : query.page > 1 ? await filtered.getCount() : 0;
    return {
      items: rows.map((row) => StatusReportResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, actor: Actor): Promise<StatusReportResponse> {
    const row = await selectColumns(
      scopedThroughProject(this.dataSource.createQueryBuilder().from(StatusReport, 's'), actor, 's.project_id'),
      COLUMNS,
    )
      .andWhere('s.id = :id', { id })
      .getRawOne<StatusReportRow>();
    if (!row) throw notFound('StatusReport', id);
    return StatusReportResponse.from(row);
  }

  async create(dto: CreateStatusReportDto, actor: Actor): Promise<StatusReportResponse> {
    const today = todayIso(this.config.timeZone);
    if (dto.reportingDate > today) {
      throw invalid('reportingDate', 'inFuture', `reportingDate cannot be in the future (today is ${today})`);
    }
    return this.dataSource.transaction(async (manager) => {
      // The project's lifecycle status at the time of writing, held (FOR SHARE) until the report commits.
      // A project outside the actor's city scope is refused exactly like a missing one.
      const project = await manager
        .createQueryBuilder()
        .from(Project, 'p')
        .innerJoin(PriorityArea, 'pa', 'pa.id = p.priority_area_id')
        .innerJoin(Agreement, 'a', 'a.id = pa.agreement_id')
        .select('p.id', 'id')
        .addSelect('p.code', 'code')
        .addSelect('p.name', 'name')
        .addSelect('p.lifecycle_status', 'lifecycleStatus')
        .addSelect('a.city_id', 'cityId')
        .where('p.id = :projectId', { projectId: dto.projectId })
        .andWhere(...scopeWhere(actor, 'a.city_id'))
        .setLock('pessimistic_read', undefined, ['p'])
        .getRawOne<{ id: string; code: string; name: string; lifecycleStatus: LifecycleStatus; cityId: string }>();
      if (!project) throw invalid('projectId', 'notFound', `project ${dto.projectId} does not exist`);
      const saved = await manager.save(
        manager.create(StatusReport, {
          projectId: project.id,
          reportingDate: dto.reportingDate,
          health: dto.health,
          lifecycleStatus: project.lifecycleStatus,
          summary: dto.summary,
          risks: dto.risks ?? null,
          nextSteps: dto.nextSteps ?? null,
          author: actor.name,
          authorId: actor.id,
        }),
      );
      await statusReportAudit.created(manager, actor, {
        id: saved.id,
        after: {
          projectId: saved.projectId,
          reportingDate: saved.reportingDate,
          health: saved.health,
          lifecycleStatus: saved.lifecycleStatus,
          summary: saved.summary,
          risks: saved.risks,
          nextSteps: saved.nextSteps,
          author: saved.author,
          authorId: saved.authorId,
        },
        projectId: project.id,
        cityId: project.cityId,
      });
      return StatusReportResponse.from({ ...saved, projectCode: project.code, projectName: project.name });
    });
  }
}
