import { OmitType } from '@nestjs/swagger';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '@salkku/shared';
import { EnumField } from '../../../common/validators';
import { UpdateDto } from '../../../common/versioned.dto';
import { CreateProjectDto } from './create-project.dto';

/** The create fields, with any lifecycle status (a new project is only planned or active). */
class ProjectFields extends OmitType(CreateProjectDto, ['lifecycleStatus'] as const) {
  @EnumField(LIFECYCLE_STATUSES, 'LifecycleStatus', {
    optional: true,
    description: 'A status the project may move to from its current one (see allowedTransitions)',
  })
  lifecycleStatus?: LifecycleStatus;
}

/**
 * Any of the create fields. `partners`, when present, replaces the whole partner list (send []
 * to remove every partner). `lifecycleStatus` may move only along the allowed transitions. Null
 * clears the optional texts, dates and budget, never the fields listed in `required`.
 */
export class UpdateProjectDto extends UpdateDto(ProjectFields, {
  required: ['priorityAreaId', 'code', 'name', 'kind', 'leadOrganisationId', 'lifecycleStatus', 'partners'],
}) {}
