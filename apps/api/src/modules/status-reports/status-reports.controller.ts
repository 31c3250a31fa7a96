import { Body, Controller, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, IdParam, ListRoute, ReadRoute } from '../../common/routes';
import { CreateStatusReportDto } from './dto/create-status-report.dto';
import { ListStatusReportsQuery } from './dto/list-status-reports.query';
import { StatusReportResponse } from './dto/status-report.response';
import { StatusReportsService } from './status-reports.service';

const APPEND_ONLY =
  "Status reports are append-only: a project's history is its reports. There is no PATCH or DELETE; " +
  'a correction is a new report (with the same reporting date it supersedes the earlier one, being created later).';

@ApiTags('status-reports')
@Controller('status-reports')
export class StatusReportsController {
  constructor(private readonly reports: StatusReportsService) {}

  @ListRoute('portfolio:read', StatusReportResponse)
  @ApiOperation({
    summary: 'List status reports (newest first)',
    description:
      `${APPEND_ONLY} latestOnly=true gives each project's latest report: its current health. ` +
      "Only reports of the user's city scope are listed and counted.",
  })
  list(@Query() query: ListStatusReportsQuery, @CurrentActor() actor: Actor): Promise<Page<StatusReportResponse>> {
    return this.reports.list(query, actor);
  }

  @ReadRoute('portfolio:read', StatusReportResponse)
  @ApiOperation({
    summary: 'Read a status report',
    description: `${APPEND_ONLY} Another city's report is not found (404).`,
  })
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<StatusReportResponse> {
    return this.reports.get(id, actor);
  }

  @CreateRoute('portfolio:write', StatusReportResponse)
  @ApiOperation({
    summary: 'Write a status report',
    description:
      `${APPEND_ONLY} The server records the project's lifecycle status at the time of writing and the author ` +
      "(the signed-in user). The reporting date cannot be in the future. A project outside the user's city " +
      'scope is refused as if missing (400 on projectId).',
  })
  create(@Body() dto: CreateStatusReportDto, @CurrentActor() actor: Actor): Promise<StatusReportResponse> {
    return this.reports.create(dto, actor);
  }
}
