import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { AgreementsService } from './agreements.service';
import { AgreementResponse } from './dto/agreement.response';
import { CreateAgreementDto } from './dto/create-agreement.dto';
import { ListAgreementsQuery } from './dto/list-agreements.query';
import { UpdateAgreementDto } from './dto/update-agreement.dto';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: Paginated(AgreementResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListAgreementsQuery, @CurrentActor() actor: Actor): Promise<Page<AgreementResponse>> {
    return this.agreements.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreements.get(id, actor);
  }

  @Post()
  @RequirePermission('agreements:write')
  @ApiCreatedResponse({ type: AgreementResponse })
  @ApiErrors(400, 401, 403)
  create(@Body() dto: CreateAgreementDto, @CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreements.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('agreements:write')
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgreementDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<AgreementResponse> {
    return this.agreements.update(id, dto, version, actor);
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
    return this.agreements.remove(id, ifMatch, actor);
  }
}
