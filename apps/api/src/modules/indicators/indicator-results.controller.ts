import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { RequirePermission } from '../../common/permissions';
import { IdParam } from '../../common/routes';
import {
  AgreementIndicatorResults,
  IndicatorSummary,
  NationalIndicatorResults,
  ProjectIndicatorResults,
} from './dto/indicator-results.response';
import { IndicatorSummaryQuery } from './dto/indicator-summary.query';
import { IndicatorResultsService } from './indicator-results.service';

/**
 * Indicators against their targets: of a project, of an agreement (by priority area), nationally
 * (the common indicators), and the dashboard's summary. Each answer is read with a fixed number
 * of statements and computed with the shared rules (valueToDate, rollUp, achievement, onPace).
 */
@ApiTags('indicators')
@Controller('indicator-results')
export class IndicatorResultsController {
  constructor(private readonly results: IndicatorResultsService) {}

  // The parameters are `id` like every other route's, so the access matrix can fill them in.
  @Get('projects/:id')
  @RequirePermission('portfolio:read')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The project' })
  @ApiOperation({
    summary: 'A project’s indicators against its targets',
    description:
      'The indicators with a target or a value for the project, and every derived one (computed from the ' +
      'participant register, with the enterprises counted). Another city’s project is not found (404).',
  })
  @ApiOkResponse({ type: ProjectIndicatorResults })
  @ApiErrors(400, 401, 403, 404)
  project(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<ProjectIndicatorResults> {
    return this.results.project(id, actor);
  }

  @Get('agreements/:id')
  @RequirePermission('portfolio:read')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The agreement' })
  @ApiOperation({
    summary: 'An agreement’s indicators against its targets, by priority area',
    description:
      'Each indicator with a target or a value in the agreement, and every derived one: the agreement’s result ' +
      '(its own values and its projects’ added up, against its own target or else the sum of its projects’ ' +
      'targets) and each priority area’s. Values of different units, or percentages of several projects, are ' +
      'refused rather than added up. Another city’s agreement is not found (404).',
  })
  @ApiOkResponse({ type: AgreementIndicatorResults })
  @ApiErrors(400, 401, 403, 404)
  agreement(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<AgreementIndicatorResults> {
    return this.results.agreement(id, actor);
  }

  @Get('national')
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'The common indicators over every agreement the caller may see, by year',
    description:
      'Per agreement and in total; half-years add up into years (a latest-value indicator takes the later half). ' +
      'An enterprise is counted once nationally however many agreements it takes part in.',
  })
  @ApiOkResponse({ type: NationalIndicatorResults })
  @ApiErrors(401, 403)
  national(@CurrentActor() actor: Actor): Promise<NationalIndicatorResults> {
    return this.results.national(actor);
  }

  @Get('summary')
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'The key indicators of each agreement, for the dashboard',
    description:
      'Per visible agreement (or the one asked for), the indicators with an agreement-level target or project ' +
      'targets: value to date, target, achievement and pace. Another city’s agreement is not found (404).',
  })
  @ApiOkResponse({ type: IndicatorSummary })
  @ApiErrors(400, 401, 403, 404)
  summary(@Query() query: IndicatorSummaryQuery, @CurrentActor() actor: Actor): Promise<IndicatorSummary> {
    return this.results.summary(query, actor);
  }
}
