import { OmitType } from '@nestjs/swagger';
import { FUNDING_DECISION_STATUSES, type FundingDecisionStatus } from '@salkku/shared';
import { EnumField } from '../../../common/validators';
import { UpdateDto } from '../../../common/versioned.dto';
import { CreateFundingDecisionDto } from './create-funding-decision.dto';

/** The create fields, with any status (a new decision has only an initial one). */
class FundingDecisionFields extends OmitType(CreateFundingDecisionDto, ['status'] as const) {
  @EnumField(FUNDING_DECISION_STATUSES, 'FundingDecisionStatus', {
    optional: true,
    description: 'Changes only along the allowed transitions (see allowedTransitions)',
  })
  status?: FundingDecisionStatus;
}

/** Every field optional; null clears the optional ones, never the agreement, funder, instrument or status. */
export class UpdateFundingDecisionDto extends UpdateDto(FundingDecisionFields, {
  required: ['agreementId', 'funderId', 'instrument', 'status'],
}) {}
