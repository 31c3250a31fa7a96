import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreateMilestoneDto } from './create-milestone.dto';

/** A milestone stays in its project: projectId is not updatable (sending it is a 400). */
export class UpdateMilestoneDto extends VersionedDto(
  PartialType(OmitType(CreateMilestoneDto, ['projectId'] as const)),
) {}
