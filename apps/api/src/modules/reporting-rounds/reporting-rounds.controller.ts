import { applyDecorators, Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { defaultExportProfile } from '@salkku/shared';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import type { Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ApiVersionedResponse, CreateRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion } from '../../common/version';
import { ExportOptions } from '../exports/dto/export-queries';
import { CloseRoundDto } from './dto/close-round.dto';
import { FrozenComparisonResponse } from './dto/frozen-comparison.response';
import { ListRoundsQuery } from './dto/list-rounds.query';
import { OpenRoundDto } from './dto/open-round.dto';
import { RoundResponse } from './dto/round.response';
import { UpdateRoundDto } from './dto/update-round.dto';
import { ReportingRoundsService } from './reporting-rounds.service';

const READ_FROZEN =
  'Every role that reads the agreement reads its frozen reports; another city’s round is not found (404), as is an open round (it has none yet).';

@ApiTags('reporting-rounds')
@Controller('reporting-rounds')
export class ReportingRoundsController {
  constructor(private readonly rounds: ReportingRoundsService) {}

  @ListRoute('portfolio:read', RoundResponse)
  @ApiOperation({
    summary: 'List reporting rounds with their progress',
    description: 'Open rounds first, then by due date (latest first). Only rounds of the user’s city scope.',
  })
  list(@Query() query: ListRoundsQuery, @CurrentActor() actor: Actor): Promise<Page<RoundResponse>> {
    return this.rounds.list(query, actor);
  }

  @ReadRoute('portfolio:read', RoundResponse)
  @ApiOperation({ summary: 'Read a reporting round with its progress' })
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<RoundResponse> {
    return this.rounds.get(id, actor);
  }

  @CreateRoute('rounds:manage', RoundResponse, { conflicts: true })
  @ApiOperation({
    summary: 'Open a reporting round',
    description:
      'Writes an owed period report for each project (by default every project of the agreement not cancelled ' +
      'whose planned dates overlap the period) and a round_opened notice to each active coordinator of the ' +
      'agreement’s city, in one transaction. One round per agreement and period (409 roundExists).',
  })
  open(@Body() dto: OpenRoundDto, @CurrentActor() actor: Actor): Promise<RoundResponse> {
    return this.rounds.open(dto, actor);
  }

  @UpdateRoute('rounds:manage', RoundResponse)
  @ApiOperation({
    summary: 'Change a round’s due date, instructions or reminder days',
    description: 'Only while the round is open (409 roundClosed).',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateRoundDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<RoundResponse> {
    return this.rounds.update(id, dto, version, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('rounds:manage')
  @ApiVersionedResponse(RoundResponse)
  @ApiErrors(400, 401, 403, 404, 409, 428)
  @ApiOperation({
    summary: 'Close a round and store its frozen report',
    description:
      'A round closes when every report is approved; with acceptMissing=true it closes anyway and the frozen ' +
      'report lists the reports that were not approved (else 409 reportsOutstanding). The frozen report is ' +
      'the agreement report of the period with its indicators and the period reports, as they stand now.',
  })
  close(
    @IdParam() id: string,
    @Body() dto: CloseRoundDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<RoundResponse> {
    return this.rounds.close(id, dto, version, actor);
  }

  @Get(':id/frozen')
  @RequirePermission('portfolio:read')
  @ApiProduces('application/json')
  @ApiOkResponse({
    description:
      'The frozen report exactly as stored (JSON: format, round, frozenAt, frozenBy, missing, figures, periodReports, agreementReport, indicators)',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiErrors(400, 401, 403, 404)
  @ApiOperation({ summary: 'The frozen report of a closed round, byte for byte as stored', description: READ_FROZEN })
  async frozen(@IdParam() id: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const document = await this.rounds.frozenDocument(id, actor);
    res.status(200).type('application/json; charset=utf-8').send(Buffer.from(document, 'utf8'));
  }

  @Get(':id/frozen.csv')
  @RequirePermission('portfolio:read')
  @FrozenCsv()
  async frozenCsv(
    @IdParam() id: string,
    @Query() query: ExportOptions,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const language = query.lang ?? (await this.rounds.languageOf(actor));
    const profile = query.profile ?? defaultExportProfile(language);
    const { body, fileName } = await this.rounds.frozenCsv(id, profile, language, actor);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
      .send(body);
  }

  @Get(':id/frozen/comparison')
  @RequirePermission('portfolio:read')
  @ApiOkResponse({ type: FrozenComparisonResponse })
  @ApiErrors(400, 401, 403, 404)
  @ApiOperation({
    summary: 'Which figures of the frozen report differ from the live data of the same period',
    description: READ_FROZEN,
  })
  comparison(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<FrozenComparisonResponse> {
    return this.rounds.comparison(id, actor);
  }
}

function FrozenCsv(): MethodDecorator {
  return applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({
      description:
        'The frozen report as CSV (section, item, value) by the exports’ rules: fi-excel or standard profile, headers ' +
        'in the language, formula-like text neutralised',
      content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiErrors(400, 401, 403, 404),
    ApiOperation({ summary: 'The frozen report of a closed round as CSV', description: READ_FROZEN }),
  );
}
