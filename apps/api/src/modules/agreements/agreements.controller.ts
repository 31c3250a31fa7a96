import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { IfMatchVersion, requireVersion, setEtag } from '../../common/version';
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
  @ApiOkResponse({ type: Paginated(AgreementResponse) })
  @ApiErrors(400)
  list(@Query() query: ListAgreementsQuery): Promise<Page<AgreementResponse>> {
    return this.agreements.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementResponse> {
    const agreement = await this.agreements.get(id);
    setEtag(res, agreement.version);
    return agreement;
  }

  @Post()
  @ApiCreatedResponse({ type: AgreementResponse })
  @ApiErrors(400)
  create(@Body() dto: CreateAgreementDto, @CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreements.create(dto, actor);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgreementDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AgreementResponse> {
    return this.agreements.update(id, dto, requireVersion(ifMatch, dto.version), actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.agreements.remove(id, ifMatch, actor);
  }
}
