import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreatePriorityAreaDto } from './create-priority-area.dto';

/**
 * Every field but agreementId optional: an area never moves to another agreement (an
 * agreementId in the body is refused as an unknown field). Null still fails for nameFi and
 * subThemes and clears the other texts.
 */
export class UpdatePriorityAreaDto extends VersionedDto(
  PartialType(OmitType(CreatePriorityAreaDto, ['agreementId'] as const), { skipNullProperties: false }),
) {}
