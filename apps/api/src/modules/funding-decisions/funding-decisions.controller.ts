import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
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

  @ListRoute('portfolio:read', FundingDecisionResponse)
  list(
    @Query() query: ListFundingDecisionsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<FundingDecisionResponse>> {
    return this.decisions.list(query, actor);
  }

  @ReadRoute('portfolio:read', FundingDecisionResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<FundingDecisionResponse> {
    return this.decisions.get(id, actor);
  }

  @CreateRoute('portfolio:write', FundingDecisionResponse, { conflicts: true })
  create(@Body() dto: CreateFundingDecisionDto, @CurrentActor() actor: Actor): Promise<FundingDecisionResponse> {
    return this.decisions.create(dto, actor);
  }

  @UpdateRoute('portfolio:write', FundingDecisionResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateFundingDecisionDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<FundingDecisionResponse> {
    return this.decisions.update(id, dto, version, actor);
  }

  @DeleteRoute('portfolio:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.decisions.remove(id, ifMatch, actor);
  }
}
