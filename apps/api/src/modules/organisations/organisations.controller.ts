import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
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

  @ListRoute('organisations:read', OrganisationResponse)
  list(@Query() query: ListOrganisationsQuery, @CurrentActor() actor: Actor): Promise<Page<OrganisationResponse>> {
    return this.organisations.list(query, actor);
  }

  @ReadRoute('organisations:read', OrganisationResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<OrganisationResponse> {
    return this.organisations.get(id, actor);
  }

  @CreateRoute('organisations:write', OrganisationResponse, { conflicts: true })
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<OrganisationResponse> {
    return this.organisations.create(dto, actor);
  }

  @UpdateRoute('organisations:write', OrganisationResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateOrganisationDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationResponse> {
    return this.organisations.update(id, dto, version, actor);
  }

  @DeleteRoute('organisations:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.organisations.remove(id, ifMatch, actor);
  }
}
