import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreateFundingDecisionDto } from './dto/create-funding-decision.dto';
import { FundingDecisionResponse } from './dto/funding-decision.response';
import { ListFundingDecisionsQuery } from './dto/list-funding-decisions.query';
import { UpdateFundingDecisionDto } from './dto/update-funding-decision.dto';
import { FundingDecisionsService } from './funding-decisions.service';

@ApiTags('funding-decisions')
@Controller('funding-decisions')
export class FundingDecisionsController {
  constructor(private readonly decisions: FundingDecisionsService) {}

  @Get()
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: Paginated(FundingDecisionResponse) })
  @ApiErrors(400, 401, 403)
  list(
    @Query() query: ListFundingDecisionsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<FundingDecisionResponse>> {
    return this.decisions.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: FundingDecisionResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<FundingDecisionResponse> {
    return this.decisions.get(id, actor);
  }

  @Post()
  @RequirePermission('portfolio:write')
  @ApiCreatedResponse({ type: FundingDecisionResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateFundingDecisionDto, @CurrentActor() actor: Actor): Promise<FundingDecisionResponse> {
    return this.decisions.create(dto, actor);
  }

  @Patch(':id')
  @RequirePermission('portfolio:write')
  @ApiOkResponse({ type: FundingDecisionResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateFundingDecisionDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<FundingDecisionResponse> {
    return this.decisions.update(id, dto, version, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('portfolio:write')
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.decisions.remove(id, ifMatch, actor);
  }
}
