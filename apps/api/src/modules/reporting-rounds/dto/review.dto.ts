import { VersionedDto } from '../../../common/versioned.dto';
import { TextField } from '../../../common/validators';

class NoFields {}

/** Submit or approve: only the version read (If-Match or body). */
export class TransitionDto extends VersionedDto(NoFields) {}

class ReturnFields {
  @TextField({ max: 5000, description: 'What must change: shown to the coordinators and sent in the notice' })
  comment: string;
}

/** Return with a comment (required) and the version read. */
export class ReturnReportDto extends VersionedDto(ReturnFields) {}
