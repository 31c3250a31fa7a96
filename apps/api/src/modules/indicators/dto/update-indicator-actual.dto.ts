import { UpdateDto } from '../../../common/versioned.dto';
import { CreateIndicatorActualDto } from './create-indicator-actual.dto';

/**
 * A correction: the value and the note change (null clears the note, never the value); the
 * indicator, holder and period stay (sending them is a 400). Who corrected it becomes enteredBy;
 * the earlier value stays in the audit trail.
 */
export class UpdateIndicatorActualDto extends UpdateDto(CreateIndicatorActualDto, {
  omit: ['indicatorId', 'projectId', 'agreementId', 'period'],
}) {}
