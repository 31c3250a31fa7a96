import { PartialType } from '@nestjs/swagger';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreateAgreementDto } from './create-agreement.dto';

/** Every field optional; null still fails for the required ones (cityId, title) and clears the dates. */
export class UpdateAgreementDto extends VersionedDto(PartialType(CreateAgreementDto, { skipNullProperties: false })) {}
