import { OmitType, PartialType } from '@nestjs/swagger';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '@salkku/shared';
import { EnumField } from '../../../common/validators';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreateProjectDto } from './create-project.dto';

/**
 * Any of the create fields. `partners`, when present, replaces the whole partner list.
 * `lifecycleStatus` may move only along the allowed transitions.
 */
export class UpdateProjectDto extends VersionedDto(
  PartialType(OmitType(CreateProjectDto, ['lifecycleStatus'] as const)),
) {
  @EnumField(LIFECYCLE_STATUSES, 'LifecycleStatus', {
    optional: true,
    description: 'A status the project may move to from its current one (see allowedTransitions)',
  })
  lifecycleStatus?: LifecycleStatus;
}
