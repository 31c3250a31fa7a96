import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreatePriorityAreaDto } from './dto/create-priority-area.dto';
import { ListPriorityAreasQuery } from './dto/list-priority-areas.query';
import { PriorityAreaResponse } from './dto/priority-area.response';
import { UpdatePriorityAreaDto } from './dto/update-priority-area.dto';
import { PriorityAreasService } from './priority-areas.service';

@ApiTags('priority-areas')
@Controller('priority-areas')
export class PriorityAreasController {
  constructor(private readonly priorityAreas: PriorityAreasService) {}

  @ListRoute('portfolio:read', PriorityAreaResponse)
  list(@Query() query: ListPriorityAreasQuery, @CurrentActor() actor: Actor): Promise<Page<PriorityAreaResponse>> {
    return this.priorityAreas.list(query, actor);
  }

  @ReadRoute('portfolio:read', PriorityAreaResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<PriorityAreaResponse> {
    return this.priorityAreas.get(id, actor);
  }

  @CreateRoute('agreements:write', PriorityAreaResponse)
  create(@Body() dto: CreatePriorityAreaDto, @CurrentActor() actor: Actor): Promise<PriorityAreaResponse> {
    return this.priorityAreas.create(dto, actor);
  }

  @UpdateRoute('agreements:write', PriorityAreaResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdatePriorityAreaDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PriorityAreaResponse> {
    return this.priorityAreas.update(id, dto, version, actor);
  }

  @DeleteRoute('agreements:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.priorityAreas.remove(id, ifMatch, actor);
  }
}
