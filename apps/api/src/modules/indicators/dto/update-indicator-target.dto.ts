import { UpdateDto } from '../../../common/versioned.dto';
import { CreateIndicatorTargetDto } from './create-indicator-target.dto';

/**
 * A target stays with its indicator and holder: only the baseline, the target and the milestones
 * change (sending indicatorId, projectId or agreementId is a 400). None of them can be cleared;
 * an empty list clears the milestones.
 */
export class UpdateIndicatorTargetDto extends UpdateDto(CreateIndicatorTargetDto, {
  omit: ['indicatorId', 'projectId', 'agreementId'],
  required: ['milestones'],
}) {}
