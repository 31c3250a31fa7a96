import { applyDecorators, Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Permission } from '@salkku/shared';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, PageQuery, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ApiVersionedResponse, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion } from '../../common/version';
import { ListPeriodReportsQuery } from './dto/list-period-reports.query';
import { PeriodReportResponse } from './dto/period-report.response';
import { ReturnReportDto, TransitionDto } from './dto/review.dto';
import { SavePeriodReportDto } from './dto/save-period-report.dto';
import { PeriodReportsService } from './period-reports.service';

/** POST /:id/<step>: a workflow step on the version read (If-Match or body). */
const StepRoute = (step: string, permission: Permission): MethodDecorator =>
  applyDecorators(
    Post(`:id/${step}`),
    HttpCode(200),
    RequirePermission(permission),
    ApiVersionedResponse(PeriodReportResponse),
    ApiErrors(400, 401, 403, 404, 409, 428),
  );

@ApiTags('period-reports')
@Controller('period-reports')
export class PeriodReportsController {
  constructor(private readonly reports: PeriodReportsService) {}

  @Get('mine')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: Paginated(PeriodReportResponse) })
  @ApiErrors(400, 401, 403)
  @ApiOperation({
    summary: 'What the user’s city owes',
    description:
      'The owed, draft and returned reports of open rounds in the user’s city scope (every city for liaisons ' +
      'and admins), the earliest due first, with the overdue flag: the coordinator’s start page.',
  })
  mine(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<Page<PeriodReportResponse>> {
    return this.reports.owed(query, actor);
  }

  @ListRoute('portfolio:read', PeriodReportResponse)
  @ApiOperation({ summary: 'List period reports (by round, project, status or overdue)' })
  list(@Query() query: ListPeriodReportsQuery, @CurrentActor() actor: Actor): Promise<Page<PeriodReportResponse>> {
    return this.reports.list(query, actor);
  }

  @ReadRoute('portfolio:read', PeriodReportResponse)
  @ApiOperation({ summary: 'Read a period report' })
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<PeriodReportResponse> {
    return this.reports.get(id, actor);
  }

  @UpdateRoute('portfolio:write', PeriodReportResponse)
  @ApiOperation({
    summary: 'Save the period report form',
    description:
      'One transaction: the narrative, the project’s lifecycle stage (by its allowed transitions), the milestones ' +
      'completed in the period, the project’s indicator values of the period (typed-in indicators; an existing ' +
      'value is corrected) and payments received in the period (new payments under the project’s decisions). ' +
      'Each part follows its own resource’s rules; any problem changes nothing (problems of a part are reported ' +
      'under its path, e.g. payments.0.amount). Only owed, draft and returned reports of open rounds ' +
      '(409 reportReadOnly, roundClosed). An owed report becomes a draft.',
  })
  save(
    @IdParam() id: string,
    @Body() dto: SavePeriodReportDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PeriodReportResponse> {
    return this.reports.save(id, dto, version, actor);
  }

  @StepRoute('submit', 'portfolio:write')
  @ApiOperation({
    summary: 'Submit a draft or returned report for review',
    description: 'Needs the health and what was done (400 required). A submitted report is read-only.',
  })
  submit(
    @IdParam() id: string,
    @Body() _dto: TransitionDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PeriodReportResponse> {
    return this.reports.submit(id, version, actor);
  }

  @StepRoute('return', 'reports:review')
  @ApiOperation({
    summary: 'Return a submitted report for changes, with a comment',
    description:
      'Never one’s own submission (403 ownSubmission). Writes report_returned to the submitter and the city’s ' +
      'coordinators (a notice they cannot turn off).',
  })
  returnReport(
    @IdParam() id: string,
    @Body() dto: ReturnReportDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PeriodReportResponse> {
    return this.reports.returnReport(id, dto, version, actor);
  }

  @StepRoute('approve', 'reports:review')
  @ApiOperation({
    summary: 'Approve a submitted report',
    description:
      'Never one’s own submission (403 ownSubmission). Final: an approved report is read-only. Writes ' +
      'report_approved to the submitter and the city’s coordinators.',
  })
  approve(
    @IdParam() id: string,
    @Body() _dto: TransitionDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PeriodReportResponse> {
    return this.reports.approve(id, version, actor);
  }
}
