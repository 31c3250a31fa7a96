import { UpdateDto } from '../../../common/versioned.dto';
import { CreateMilestoneDto } from './create-milestone.dto';

/**
 * A milestone stays in its project: projectId is not updatable (sending it is a 400). Null
 * clears the description (and completedOn, by the service's rules), never the title, the due
 * date or the status.
 */
export class UpdateMilestoneDto extends UpdateDto(CreateMilestoneDto, {
  omit: ['projectId'],
  required: ['title', 'dueDate', 'status'],
}) {}
