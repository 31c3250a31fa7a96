import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  SUPPORT_KINDS,
  type OrganisationKind,
  type ParticipantRole,
  type SupportKind,
} from '@salkku/shared';
import { recordFields, RecordResponse } from '../../../common/responses';

/** One participant row as the service selects it (explicit columns, project and organisation joined). */
export interface ParticipantRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  businessId: string | null;
  role: ParticipantRole;
  startsOn: string | null;
  endsOn: string | null;
  supportKind: SupportKind | null;
  supportAmount: string | null;
  flagged: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The organisation taking part, with what decides whether it is counted once (its business ID). */
export class ParticipantOrganisation {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Savonia-ammattikorkeakoulu' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind: OrganisationKind;

  @ApiProperty({ type: 'string', nullable: true, example: '0245894-8' })
  businessId: string | null;
}

export class ParticipantResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: 'VESI-KH' })
  projectCode: string;

  @ApiProperty({ example: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke' })
  projectName: string;

  @ApiProperty({ type: ParticipantOrganisation })
  organisation: ParticipantOrganisation;

  @ApiProperty({ enum: PARTICIPANT_ROLES, enumName: 'ParticipantRole' })
  role: ParticipantRole;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: "Empty: from the project's beginning" })
  startsOn: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Empty: ongoing' })
  endsOn: string | null;

  @ApiProperty({ enum: SUPPORT_KINDS, enumName: 'SupportKind', nullable: true })
  supportKind: SupportKind | null;

  @ApiProperty({ type: 'string', nullable: true, example: '15000.00', description: 'Euros, exact decimal' })
  supportAmount: string | null;

  @ApiProperty({
    description:
      'Derived, never stored: a company without a business ID. It still counts as an enterprise, but may be ' +
      'counted twice if it is also recorded under another organisation record',
  })
  flagged: boolean;

  static from(row: ParticipantRow): ParticipantResponse {
    return {
      ...recordFields(row),
      projectId: row.projectId,
      projectCode: row.projectCode,
      projectName: row.projectName,
      organisation: {
        id: row.organisationId,
        name: row.organisationName,
        kind: row.organisationKind,
        businessId: row.businessId,
      },
      role: row.role,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      supportKind: row.supportKind,
      supportAmount: row.supportAmount,
      flagged: row.flagged,
    };
  }
}
