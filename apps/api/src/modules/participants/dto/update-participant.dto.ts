import { UpdateDto } from '../../../common/versioned.dto';
import { CreateParticipantDto } from './create-participant.dto';

/**
 * A participation stays in its project: projectId is not updatable (sending it is a 400). Null
 * clears the period's ends, the support kind and the amount, never the organisation or the role.
 */
export class UpdateParticipantDto extends UpdateDto(CreateParticipantDto, { omit: ['projectId'] }) {}
