import { UpdateDto } from '../../../common/versioned.dto';
import { CreateOrganisationDto } from './create-organisation.dto';

/** Every field optional; null clears the business ID, never the name, kind or country. */
export class UpdateOrganisationDto extends UpdateDto(CreateOrganisationDto, {
  required: ['name', 'kind', 'country'],
}) {}
