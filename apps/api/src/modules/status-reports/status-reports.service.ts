import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@salkku/shared';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import { applySort, sortOrder, type Page } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PriorityArea } from '../priority-areas/priority-area.entity';
import { Project } from '../projects/project.entity';
import type { CreateStatusReportDto } from './dto/create-status-report.dto';
import type { ListStatusReportsQuery } from './dto/list-status-reports.query';
import { StatusReportResponse, type StatusReportRow } from './dto/status-report.response';
import { StatusReport } from './status-report.entity';

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

  async list(query: ListStatusReportsQuery): Promise<Page<StatusReportResponse>> {
    if (query.reportedFrom && query.reportedTo && query.reportedFrom > query.reportedTo) {
      throw invalid('reportedTo', 'reportedTo must be on or after reportedFrom');
    }
    const filtered = this.dataSource.createQueryBuilder().from(StatusReport, 's');
    if (query.agreementId) {
      filtered
        .innerJoin(Project, 'fp', 'fp.id = s.project_id')
        .innerJoin(PriorityArea, 'fpa', 'fpa.id = fp.priority_area_id')
        .andWhere('fpa.agreement_id = :agreementId', { agreementId: query.agreementId });
    }
    if (query.projectId) filtered.andWhere('s.project_id = :projectId', { projectId: query.projectId });
    if (query.reportedFrom)
      filtered.andWhere('s.reporting_date >= :reportedFrom', { reportedFrom: query.reportedFrom });
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

    const order = sortOrder(query.sort, SORT_COLUMNS, '-reportingDate', 's.id');
    const first = order[0];
    if (first?.column === SORT_COLUMNS.reportingDate) {
      // Two reports on the same date: the one written later is the newer.
      order.splice(1, 0, { column: SORT_COLUMNS.createdAt, direction: first.direction });
    }
    const page = selectColumns(filtered.clone()).addSelect('count(*) OVER ()', 'total');
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

  async get(id: string): Promise<StatusReportResponse> {
    const row = await selectColumns(this.dataSource.createQueryBuilder().from(StatusReport, 's'))
      .where('s.id = :id', { id })
      .getRawOne<StatusReportRow>();
    if (!row) throw notFound('StatusReport', id);
    return StatusReportResponse.from(row);
  }

  async create(dto: CreateStatusReportDto, actor: Actor): Promise<StatusReportResponse> {
    const today = todayIso(this.config.timeZone);
    if (dto.reportingDate > today) {
      throw invalid('reportingDate', `reportingDate cannot be in the future (today is ${today})`);
    }
    return this.dataSource.transaction(async (manager) => {
      // The project's lifecycle status at the time of writing, held (FOR SHARE) until the report commits.
      const project = await manager
        .createQueryBuilder(Project, 'p')
        .select(['p.id', 'p.code', 'p.name', 'p.lifecycleStatus'])
        .where('p.id = :projectId', { projectId: dto.projectId })
        .setLock('pessimistic_read')
        .getOne();
      if (!project) throw invalid('projectId', `project ${dto.projectId} does not exist`);
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
      return StatusReportResponse.from({ ...saved, projectCode: project.code, projectName: project.name });
    });
  }
}

function selectColumns<Q extends SelectQueryBuilder<object>>(qb: Q): Q {
  qb.innerJoin(Project, 'p', 'p.id = s.project_id').select([]);
  for (const [column, alias] of COLUMNS) qb.addSelect(column, alias);
  return qb;
}
