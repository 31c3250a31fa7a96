import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { setEtag } from '../../common/version';
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
  @ApiOperation({
    summary: 'List status reports (newest first)',
    description: `${APPEND_ONLY} latestOnly=true gives each project's latest report: its current health.`,
  })
  @ApiOkResponse({ type: Paginated(StatusReportResponse) })
  @ApiErrors(400)
  list(@Query() query: ListStatusReportsQuery): Promise<Page<StatusReportResponse>> {
    return this.reports.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a status report', description: APPEND_ONLY })
  @ApiOkResponse({ type: StatusReportResponse })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatusReportResponse> {
    const report = await this.reports.get(id);
    setEtag(res, report.version);
    return report;
  }

  @Post()
  @ApiOperation({
    summary: 'Write a status report',
    description:
      `${APPEND_ONLY} The server records the project's lifecycle status at the time of writing and the author ` +
      '(the acting user). The reporting date cannot be in the future.',
  })
  @ApiCreatedResponse({ type: StatusReportResponse })
  @ApiErrors(400)
  create(@Body() dto: CreateStatusReportDto, @CurrentActor() actor: Actor): Promise<StatusReportResponse> {
    return this.reports.create(dto, actor);
  }
}
