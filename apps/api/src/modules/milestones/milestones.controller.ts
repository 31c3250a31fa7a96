import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreateMilestoneDto } from './dto/create-milestone.dto';
import { ListMilestonesQuery } from './dto/list-milestones.query';
import { MilestoneResponse } from './dto/milestone.response';
import { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'List milestones',
    description:
      "Filter by project, agreement, status, overdue and due-date range. Only milestones of the user's city " +
      'scope are listed and counted.',
  })
  @ApiOkResponse({ type: Paginated(MilestoneResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListMilestonesQuery, @CurrentActor() actor: Actor): Promise<Page<MilestoneResponse>> {
    return this.milestones.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOperation({ summary: 'Read a milestone', description: "Another city's milestone is not found (404)" })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<MilestoneResponse> {
    return this.milestones.get(id, actor);
  }

  @Post()
  @RequirePermission('portfolio:write')
  @ApiOperation({
    summary: 'Add a milestone',
    description: "The project must be in the user's city scope (otherwise 400 on projectId, as if missing)",
  })
  @ApiCreatedResponse({ type: MilestoneResponse })
  @ApiErrors(400, 401, 403)
  create(@Body() dto: CreateMilestoneDto, @CurrentActor() actor: Actor): Promise<MilestoneResponse> {
    return this.milestones.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('portfolio:write')
  @ApiOperation({
    summary: 'Update a milestone',
    description:
      'Status changes follow allowedTransitions (otherwise 409 ILLEGAL_TRANSITION). Becoming done sets completedOn ' +
      '(today unless given); leaving done clears it. The project cannot be changed.',
  })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMilestoneDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneResponse> {
    return this.milestones.update(id, dto, version, actor);
  }

  @Delete(':id')
  @RequirePermission('portfolio:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a milestone', description: 'If-Match is optional; a stale one is a 409' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.milestones.remove(id, ifMatch, actor);
  }
}
