import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { RequirePermission } from '../../common/permissions';
import { DashboardService } from './dashboard.service';
import { DashboardQuery } from './dto/dashboard.query';
import { DashboardResponse } from './dto/dashboard.response';

/** The portfolio at a glance, for the actor's city (every city for liaisons and admins). */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'Portfolio figures, optionally for one agreement and priority area',
    description:
      'Headline figures (each the count or sum of a section below), projects by lifecycle status and by health, ' +
      'funding by priority area and by funder, milestones due soon ' +
      'and overdue, projects needing an update and the latest status reports. Another city’s agreement or ' +
      'priority area is not found (404).',
  })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Query() query: DashboardQuery, @CurrentActor() actor: Actor): Promise<DashboardResponse> {
    return this.dashboard.get(query, actor);
  }
}
