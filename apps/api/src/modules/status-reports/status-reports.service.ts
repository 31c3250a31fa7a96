import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@salkku/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditTrail } from '../audit/audit';
import type { CreateStatusReportDto } from './dto/create-status-report.dto';
import type { ListStatusReportsQuery } from './dto/list-status-reports.query';
import { StatusReportResponse, type StatusReportRow } from './dto/status-report.response';
import { StatusReport } from './status-report.entity';
import { statusReportList, statusReportSql } from './status-reports.queries';
import { projectForChildSql, type ProjectForChild } from '../projects/project.queries';

const statusReportAudit = new AuditTrail('status_report');

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
    return readList(this.dataSource, query, statusReportList(query, actor), (row: StatusReportRow) =>
      StatusReportResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<StatusReportResponse> {
    const row = await queryRow<StatusReportRow>(this.dataSource, (sql) => statusReportSql(sql, id, actor));
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
      const project = await queryRow<ProjectForChild>(manager, (sql) => projectForChildSql(sql, dto.projectId, actor));
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
