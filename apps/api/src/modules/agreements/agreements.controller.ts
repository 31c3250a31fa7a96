import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
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

  @ListRoute('portfolio:read', AgreementResponse)
  list(@Query() query: ListAgreementsQuery, @CurrentActor() actor: Actor): Promise<Page<AgreementResponse>> {
    return this.agreements.list(query, actor);
  }

  @ReadRoute('portfolio:read', AgreementResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreements.get(id, actor);
  }

  @CreateRoute('agreements:write', AgreementResponse)
  create(@Body() dto: CreateAgreementDto, @CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreements.create(dto, actor);
  }

  @UpdateRoute('agreements:write', AgreementResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateAgreementDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<AgreementResponse> {
    return this.agreements.update(id, dto, version, actor);
  }

  @DeleteRoute('agreements:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.agreements.remove(id, ifMatch, actor);
  }
}
