import { PartialType } from '@nestjs/swagger';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreateOrganisationDto } from './create-organisation.dto';

export class UpdateOrganisationDto extends VersionedDto(PartialType(CreateOrganisationDto)) {}
