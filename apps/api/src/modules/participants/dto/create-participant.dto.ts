import { PARTICIPANT_ROLES, SUPPORT_KINDS, type ParticipantRole, type SupportKind } from '@salkku/shared';
import { EnumField, IsoDateField, MoneyField, UuidField } from '../../../common/validators';

export class CreateParticipantDto {
  @UuidField({ description: 'The project the organisation takes part in; it cannot be changed later' })
  projectId: string;

  @UuidField({ description: 'The organisation taking part: once per project (another row for it is a 409)' })
  organisationId: string;

  @EnumField(PARTICIPANT_ROLES, 'ParticipantRole')
  role: ParticipantRole;

  @IsoDateField({ optional: true, description: "First day of taking part; empty: from the project's beginning" })
  startsOn?: string | null;

  @IsoDateField({ optional: true, description: 'Last day of taking part, not before startsOn; empty: ongoing' })
  endsOn?: string | null;

  @EnumField(SUPPORT_KINDS, 'SupportKind', {
    optional: true,
    description: 'The kind of support the organisation receives from the project; empty when not known',
  })
  supportKind?: SupportKind | null;

  @MoneyField({
    optional: true,
    description: "The support's amount in euros as an exact decimal string (at least 0); empty when not known",
  })
  supportAmount?: string | null;
}
