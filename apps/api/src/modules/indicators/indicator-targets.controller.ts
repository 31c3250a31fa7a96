import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../common/record-controller';
import { CreateIndicatorTargetDto } from './dto/create-indicator-target.dto';
import { IndicatorTargetResponse } from './dto/indicator-target.response';
import { ListIndicatorTargetsQuery } from './dto/list-indicator-targets.query';
import { UpdateIndicatorTargetDto } from './dto/update-indicator-target.dto';
import { IndicatorTargetsService } from './indicator-targets.service';

/** Targets of indicators: an agreement's own, or a project's. */
@ApiTags('indicators')
@Controller('indicator-targets')
export class IndicatorTargetsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: IndicatorTargetResponse,
  query: ListIndicatorTargetsQuery,
  create: CreateIndicatorTargetDto,
  update: UpdateIndicatorTargetDto,
  createConflicts: true,
  docs: {
    list: {
      summary: 'List indicator targets',
      description: 'Filter by agreement, project and indicator. Only targets of the user’s city scope are listed.',
    },
    get: { summary: 'Read an indicator target', description: 'Another city’s target is not found (404)' },
    create: {
      summary: 'Set a target for an indicator',
      description:
        'Of a project (projectId) or of the agreement itself (agreementId), exactly one; in the user’s city scope ' +
        '(otherwise 400 as if missing). The indicator must be common or the agreement’s own (400 ' +
        'notAgreementIndicator). One target per indicator and holder (409 DUPLICATE). Milestone years lie between ' +
        'the baseline and target years, each once.',
    },
    update: {
      summary: 'Change an indicator target',
      description: 'Baseline, target and milestones only; the indicator and holder stay.',
    },
    remove: { summary: 'Delete an indicator target', description: 'If-Match is optional; a stale one is a 409' },
  },
}) {
  constructor(readonly service: IndicatorTargetsService) {
    super();
  }
}
