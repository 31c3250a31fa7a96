import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
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

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: Paginated(PriorityAreaResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListPriorityAreasQuery, @CurrentActor() actor: Actor): Promise<Page<PriorityAreaResponse>> {
    return this.priorityAreas.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: PriorityAreaResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<PriorityAreaResponse> {
    return this.priorityAreas.get(id, actor);
  }

  @Post()
  @RequirePermission('agreements:write')
  @ApiCreatedResponse({ type: PriorityAreaResponse })
  @ApiErrors(400, 401, 403)
  create(@Body() dto: CreatePriorityAreaDto, @CurrentActor() actor: Actor): Promise<PriorityAreaResponse> {
    return this.priorityAreas.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('agreements:write')
  @ApiOkResponse({ type: PriorityAreaResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePriorityAreaDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<PriorityAreaResponse> {
    return this.priorityAreas.update(id, dto, version, actor);
  }

  @Delete(':id')
  @RequirePermission('agreements:write')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.priorityAreas.remove(id, ifMatch, actor);
  }
}
