import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationResponse } from './dto/organisation.response';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission('organisations:read')
  @ApiOkResponse({ type: Paginated(OrganisationResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListOrganisationsQuery, @CurrentActor() actor: Actor): Promise<Page<OrganisationResponse>> {
    return this.organisations.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('organisations:read')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<OrganisationResponse> {
    return this.organisations.get(id, actor);
  }

  @Post()
  @RequirePermission('organisations:write')
  @ApiCreatedResponse({ type: OrganisationResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<OrganisationResponse> {
    return this.organisations.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('organisations:write')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationResponse> {
    return this.organisations.update(id, dto, version, actor);
  }

  @Delete(':id')
  @RequirePermission('organisations:write')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.organisations.remove(id, ifMatch, actor);
  }
}
