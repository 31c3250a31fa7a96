import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';

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

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'List status reports (newest first)',
    description:
      `${APPEND_ONLY} latestOnly=true gives each project's latest report: its current health. ` +
      "Only reports of the user's city scope are listed and counted.",
  })
  @ApiOkResponse({ type: Paginated(StatusReportResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListStatusReportsQuery, @CurrentActor() actor: Actor): Promise<Page<StatusReportResponse>> {
    return this.reports.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'Read a status report',
    description: `${APPEND_ONLY} Another city's report is not found (404).`,
  })
  @ApiOkResponse({ type: StatusReportResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<StatusReportResponse> {
    return this.reports.get(id, actor);
  }

  @Post()
  @RequirePermission('portfolio:write')
  @ApiOperation({
    summary: 'Write a status report',
    description:
      `${APPEND_ONLY} The server records the project's lifecycle status at the time of writing and the author ` +
      "(the signed-in user). The reporting date cannot be in the future. A project outside the user's city " +
      'scope is refused as if missing (400 on projectId).',
  })
  @ApiCreatedResponse({ type: StatusReportResponse })
  @ApiErrors(400, 401, 403)
  create(@Body() dto: CreateStatusReportDto, @CurrentActor() actor: Actor): Promise<StatusReportResponse> {
    return this.reports.create(dto, actor);
  }
}
