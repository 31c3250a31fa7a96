import { OmitType, PartialType } from '@nestjs/swagger';
import { FUNDING_DECISION_STATUSES, type FundingDecisionStatus } from '@salkku/shared';
import { EnumField } from '../../../common/validators';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreateFundingDecisionDto } from './create-funding-decision.dto';

class FundingDecisionChanges extends PartialType(OmitType(CreateFundingDecisionDto, ['status'] as const)) {
  @EnumField(FUNDING_DECISION_STATUSES, 'FundingDecisionStatus', {
    optional: true,
    description: 'Changes only along the allowed transitions (see allowedTransitions)',
  })
  status?: FundingDecisionStatus;
}

export class UpdateFundingDecisionDto extends VersionedDto(FundingDecisionChanges) {}
