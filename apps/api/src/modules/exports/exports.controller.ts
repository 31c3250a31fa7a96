import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { ErrorResponse } from '../../common/error.response';
import { RequirePermission } from '../../common/permissions';
import {
  ExportFundingDecisionsQuery,
  ExportIndicatorValuesQuery,
  ExportMilestonesQuery,
  ExportParticipantsQuery,
  ExportPaymentsQuery,
  ExportProjectsQuery,
  ExportStatusReportsQuery,
} from './dto/export-queries';
import { ExportsService } from './exports.service';

/** The OpenAPI description of a CSV download and its headers. */
function CsvDownload(
  what: string,
  rows = 'Takes the same filters and sort as the list, without paging: every row the list would show, in its ' +
    'order, only what the user may see.',
): MethodDecorator {
  const documented = [
    ApiOperation({
      summary: `${what} as CSV`,
      description:
        `${rows} Streamed: a download cut short by an error after the first bytes is ` +
        'truncated rather than answered with an error body.',
    }),
    ApiProduces('text/csv'),
    ApiResponse({
      status: 200,
      description: 'The CSV file (header row in the chosen language, then the rows)',
      content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': {
          description: 'attachment; the file name has the dataset, scope and date',
          schema: { type: 'string' },
        },
        'X-Export-Rows': { description: 'Number of rows that follow the header row', schema: { type: 'integer' } },
      },
    }),
    ApiResponse({
      status: 429,
      type: ErrorResponse,
      description:
        'Too many exports running (TOO_MANY_EXPORTS): the user already runs EXPORTS_PER_USER, or this server ' +
        'its EXPORTS_PER_API; see Retry-After',
    }),
  ];
  return (target, key, descriptor) => {
    for (const decorate of documented) decorate(target, key, descriptor);
    ApiErrors(400, 401, 403)(target, key, descriptor);
  };
}

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('projects.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Projects with their funding and status summary')
  projects(@Query() query: ExportProjectsQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.exports.projects(query, actor, res);
  }

  @Get('funding-decisions.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Funding decisions with paid and remaining')
  fundingDecisions(
    @Query() query: ExportFundingDecisionsQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.fundingDecisions(query, actor, res);
  }

  @Get('payments.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Payments')
  payments(@Query() query: ExportPaymentsQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.exports.payments(query, actor, res);
  }

  @Get('milestones.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Milestones with the overdue flag')
  milestones(@Query() query: ExportMilestonesQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.exports.milestones(query, actor, res);
  }

  @Get('status-reports.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Status reports')
  statusReports(
    @Query() query: ExportStatusReportsQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.statusReports(query, actor, res);
  }

  @Get('participants.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload('Participants (the participant register) with the flag for companies without a business ID')
  participants(
    @Query() query: ExportParticipantsQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.participants(query, actor, res);
  }

  @Get('indicator-values.csv')
  @RequirePermission('portfolio:export')
  @CsvDownload(
    'Indicator values',
    'One row per indicator × holder (a project, or the agreement itself) × reporting period: the agreement, ' +
      "priority area and project, the indicator and its unit, the period's value, the holder's target (value and " +
      'year), and who entered the value and when; by agreement, priority area, project, indicator and period. ' +
      'Filters: agreementId, projectId, indicatorId; only what the user may see.',
  )
  indicatorValues(
    @Query() query: ExportIndicatorValuesQuery,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    return this.exports.indicatorValues(query, actor, res);
  }
}
