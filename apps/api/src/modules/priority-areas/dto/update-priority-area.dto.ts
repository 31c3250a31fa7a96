import { UpdateDto } from '../../../common/versioned.dto';
import { CreatePriorityAreaDto } from './create-priority-area.dto';

/**
 * Every field but agreementId optional: an area never moves to another agreement (an
 * agreementId in the body is refused as an unknown field). Null clears the other names and the
 * description, never nameFi or subThemes (send [] for none).
 */
export class UpdatePriorityAreaDto extends UpdateDto(CreatePriorityAreaDto, {
  omit: ['agreementId'],
  required: ['nameFi', 'subThemes'],
}) {}
