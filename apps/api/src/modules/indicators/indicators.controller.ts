import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateIndicatorDto } from './dto/create-indicator.dto';
import { IndicatorResponse } from './dto/indicator.response';
import { ListIndicatorsQuery } from './dto/list-indicators.query';
import { UpdateIndicatorDto } from './dto/update-indicator.dto';
import { IndicatorsService } from './indicators.service';

/** The indicator catalogue: common indicators (EU, InnoCities) and agreements' own. */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController extends RecordController({
  read: 'portfolio:read',
  write: 'indicators:write',
  item: IndicatorResponse,
  query: ListIndicatorsQuery,
  create: CreateIndicatorDto,
  update: UpdateIndicatorDto,
  createConflicts: true,
  docs: {
    list: {
      summary: 'List indicators',
      description:
        'The common indicators and the agreements’ own, filtered by agreement (its usable ones: common and its ' +
        'own), source, kind and free text. Another city’s agreement-own indicators are not listed.',
    },
    get: { summary: 'Read an indicator', description: 'Another city’s agreement-own indicator is not found (404)' },
    create: {
      summary: 'Add an indicator to the catalogue',
      description:
        'A unit name exactly when the unit is other; a percent aggregates as latest. The code is unique (409 ' +
        'DUPLICATE). Derived indicators are not created here.',
    },
    update: {
      summary: 'Change an indicator',
      description:
        'The agreement cannot change while targets or values exist (409 IN_USE); a derived indicator’s unit, ' +
        'aggregation and agreement are fixed (409 RULE_VIOLATION).',
    },
    remove: {
      summary: 'Delete an indicator',
      description:
        'Refused (409 IN_USE) while targets or values exist, and for a derived indicator (409 RULE_VIOLATION)',
    },
  },
}) {
  constructor(readonly service: IndicatorsService) {
    super();
  }
}
