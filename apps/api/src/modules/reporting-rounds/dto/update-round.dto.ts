import { UpdateDto } from '../../../common/versioned.dto';
import { OpenRoundDto } from './open-round.dto';

/**
 * A round's due date, instructions and reminder days change while it is open (null clears the
 * instructions); its agreement, period and projects stay.
 */
export class UpdateRoundDto extends UpdateDto(OpenRoundDto, {
  omit: ['agreementId', 'period', 'projectIds'],
  required: ['reminderDaysBefore'],
}) {}
