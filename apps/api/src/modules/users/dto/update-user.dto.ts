import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Language, type Role } from '@salkku/shared';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { UuidField } from '../../../common/validators';
import { UpdateDto } from '../../../common/versioned.dto';

/** What an admin may change of a user (the email and password have routes of their own). */
class UserFields {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role?: Role;

  @UuidField({ optional: true, description: 'null clears it (not allowed for a coordinator or manager)' })
  organisationId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user: their sessions end at once' })
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, enumName: 'Language' })
  @IsIn(LANGUAGES)
  language?: Language;
}

/** Any of the fields; null clears the organisation, never the others (their columns have no "no value"). */
export class UpdateUserDto extends UpdateDto(UserFields, { required: ['displayName', 'role', 'active', 'language'] }) {}
