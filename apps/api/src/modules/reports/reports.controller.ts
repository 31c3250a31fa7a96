import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { RequirePermission } from '../../common/permissions';
import { IdParam } from '../../common/routes';
import { NationalReportQuery, ReportPeriodQuery } from './dto/report-period.query';
import { AgreementReportResponse, NationalReportResponse } from './dto/report.response';
import { ReportsService } from './reports.service';

/** Reports over a period: an agreement's portfolio report and the national view of every agreement. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('national')
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'Every agreement the caller may see, side by side, over a period',
    description:
      'Per agreement (by city name, then title) and in total: projects, their health mix as of `to`, funding ' +
      'granted, paid and remaining as of `to` and paid within the period, milestones overdue as of min(to, today), ' +
      'and projects needing an update (the dashboard’s rule). Coordinators and managers see their own city only. ' +
      'Default period: the current calendar year.',
  })
  @ApiOkResponse({ type: NationalReportResponse })
  @ApiErrors(400, 401, 403)
  national(@Query() query: NationalReportQuery, @CurrentActor() actor: Actor): Promise<NationalReportResponse> {
    return this.reports.national(query, actor);
  }

  // The parameter is `id` like every other route's, so the access matrix can fill it in.
  @Get('agreements/:id')
  @RequirePermission('portfolio:read')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The agreement' })
  @ApiOperation({
    summary: 'The portfolio report of an agreement over a period',
    description:
      'Per priority area its projects with their latest status report as of `to`; funding by funder and ' +
      'instrument per priority area, for the agreement as a whole and in total; milestones completed and due in ' +
      'the period and overdue as of min(to, today); the status reports dated in the period. Another city’s ' +
      'agreement is not found (404). Default period: the current calendar year.',
  })
  @ApiOkResponse({ type: AgreementReportResponse })
  @ApiErrors(400, 401, 403, 404)
  agreement(
    @IdParam() id: string,
    @Query() query: ReportPeriodQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AgreementReportResponse> {
    return this.reports.agreementReport(id, query, actor);
  }
}
