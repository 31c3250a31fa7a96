import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, MAX_PASSWORD_LENGTH, ROLES, type Language, type Role } from '@salkku/shared';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { EnumField, TextField, UuidField } from '../../../common/validators';

export class CreateUserDto {
  @ApiProperty({
    example: 'maija.meikalainen@kuopio.fi',
    description: 'Unique, case-insensitively; stored lower-cased',
  })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @TextField({ max: 200 })
  displayName: string;

  @EnumField(ROLES, 'Role')
  role: Role;

  @UuidField({
    optional: true,
    description: "The user's organisation; for a coordinator or manager, their city (required for them)",
  })
  organisationId?: string | null;

  @EnumField(LANGUAGES, 'Language', { optional: true, description: 'Default fi' })
  language?: Language;

  @ApiProperty({ format: 'password', description: 'At least 12 characters, not a common password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
