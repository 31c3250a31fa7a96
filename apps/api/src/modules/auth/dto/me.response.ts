import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, PERMISSIONS, ROLES, type Language, type Permission, type Role } from '@salkku/shared';
import { OrganisationRef } from '../../../common/responses';

export class MeUser {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'coordinator@salkku.example' })
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ enum: LANGUAGES, enumName: 'Language' })
  language: Language;

  @ApiProperty({ description: 'Whether the weekly digest email is sent (PATCH /api/me/mail-digest)' })
  mailDigest: boolean;

  @ApiProperty({ type: OrganisationRef, nullable: true })
  organisation: OrganisationRef | null;
}

/** The signed-in user, what they may do, and the CSRF token their writes must send. */
export class MeResponse {
  @ApiProperty({ type: MeUser })
  user: MeUser;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions: Permission[];

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The only city you see; null: every city',
  })
  cityId: string | null;

  @ApiProperty({ description: 'Send in the X-CSRF-Token header of every POST, PATCH, PUT and DELETE' })
  csrfToken: string;
}
