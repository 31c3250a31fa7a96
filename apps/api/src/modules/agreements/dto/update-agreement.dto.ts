import { UpdateDto } from '../../../common/versioned.dto';
import { CreateAgreementDto } from './create-agreement.dto';

/** Every field optional; null clears the dates, never the city or the title. */
export class UpdateAgreementDto extends UpdateDto(CreateAgreementDto, {
  required: ['cityId', 'title', 'reportingPeriodicity'],
}) {}
