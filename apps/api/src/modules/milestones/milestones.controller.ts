import { Body, Controller, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
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

  @ListRoute('portfolio:read', MilestoneResponse)
  @ApiOperation({
    summary: 'List milestones',
    description:
      "Filter by project, agreement, status, overdue and due-date range. Only milestones of the user's city " +
      'scope are listed and counted.',
  })
  list(@Query() query: ListMilestonesQuery, @CurrentActor() actor: Actor): Promise<Page<MilestoneResponse>> {
    return this.milestones.list(query, actor);
  }

  @ReadRoute('portfolio:read', MilestoneResponse)
  @ApiOperation({ summary: 'Read a milestone', description: "Another city's milestone is not found (404)" })
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<MilestoneResponse> {
    return this.milestones.get(id, actor);
  }

  @CreateRoute('portfolio:write', MilestoneResponse)
  @ApiOperation({
    summary: 'Add a milestone',
    description: "The project must be in the user's city scope (otherwise 400 on projectId, as if missing)",
  })
  create(@Body() dto: CreateMilestoneDto, @CurrentActor() actor: Actor): Promise<MilestoneResponse> {
    return this.milestones.create(dto, actor);
  }

  @UpdateRoute('portfolio:write', MilestoneResponse)
  @ApiOperation({
    summary: 'Update a milestone',
    description:
      'Status changes follow allowedTransitions (otherwise 409 ILLEGAL_TRANSITION). Becoming done sets completedOn ' +
      '(today unless given); leaving done clears it. The project cannot be changed.',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateMilestoneDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneResponse> {
    return this.milestones.update(id, dto, version, actor);
  }

  @DeleteRoute('portfolio:write')
  @ApiOperation({ summary: 'Delete a milestone', description: 'If-Match is optional; a stale one is a 409' })
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.milestones.remove(id, ifMatch, actor);
  }
}
