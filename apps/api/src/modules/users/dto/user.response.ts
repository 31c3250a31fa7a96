import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Language, type Role } from '@salkku/shared';
import { OrganisationRef, recordFields, RecordResponse } from '../../../common/responses';

/** One row of the users select (see UsersService): explicit columns, organisation joined, no hash. */
export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  active: boolean;
  language: Language;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A user as an admin sees it. The password hash never leaves the server. */
export class UserResponse extends RecordResponse {
  @ApiProperty({ example: 'maija.meikalainen@kuopio.fi' })
  email: string;

  @ApiProperty({ example: 'Maija Meikäläinen' })
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: OrganisationRef, nullable: true })
  organisation: OrganisationRef | null;

  @ApiProperty({ description: 'false: deactivated (cannot sign in)' })
  active: boolean;

  @ApiProperty({ enum: LANGUAGES, enumName: 'Language' })
  language: Language;

  static from(row: UserRow): UserResponse {
    return {
      ...recordFields(row),
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName ?? '' } : null,
      active: row.active,
      language: row.language,
    };
  }
}
