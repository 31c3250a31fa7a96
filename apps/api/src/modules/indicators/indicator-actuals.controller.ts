import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateIndicatorActualDto } from './dto/create-indicator-actual.dto';
import { IndicatorActualResponse } from './dto/indicator-actual.response';
import { ListIndicatorActualsQuery } from './dto/list-indicator-actuals.query';
import { UpdateIndicatorActualDto } from './dto/update-indicator-actual.dto';
import { IndicatorActualsService } from './indicator-actuals.service';

/** Actual values of indicators per reporting period: a project's, or the agreement's own. */
@ApiTags('indicators')
@Controller('indicator-actuals')
export class IndicatorActualsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: IndicatorActualResponse,
  query: ListIndicatorActualsQuery,
  create: CreateIndicatorActualDto,
  update: UpdateIndicatorActualDto,
  createConflicts: true,
  docs: {
    list: {
      summary: 'List indicator values',
      description:
        'Filter by agreement, project, indicator and period. Only values of the user’s city scope are listed.',
    },
    get: { summary: 'Read an indicator value', description: 'Another city’s value is not found (404)' },
    create: {
      summary: 'Enter an indicator value for a period',
      description:
        'Of a project (projectId) or of the agreement itself (agreementId), exactly one; in the user’s city scope ' +
        '(otherwise 400 as if missing). The period is of the agreement’s reporting periodicity and not after the ' +
        'current period. One value per indicator, holder and period (409 DUPLICATE). A derived indicator’s values ' +
        'are computed, never entered (409 RULE_VIOLATION, problem derived on indicatorId).',
    },
    update: {
      summary: 'Correct an indicator value',
      description: 'The value and note; the earlier value stays in the audit trail.',
    },
    remove: { summary: 'Delete an indicator value', description: 'If-Match is optional; a stale one is a 409' },
  },
}) {
  constructor(readonly service: IndicatorActualsService) {
    super();
  }
}
