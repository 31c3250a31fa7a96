import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Language, type Role } from '@salkku/shared';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { UuidField } from '../../../common/validators';
import { VersionedDto } from '../../../common/versioned.dto';

/** Optional in a PATCH, but not clearable: null is refused (the column has no "no value"). */
const WhenSent = () => ValidateIf((_o, v) => v !== undefined);

class UserChanges {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @WhenSent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @WhenSent()
  @IsIn(ROLES)
  role?: Role;

  @UuidField({ optional: true, description: 'null clears it (not allowed for a coordinator or manager)' })
  organisationId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user: their sessions end at once' })
  @WhenSent()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, enumName: 'Language' })
  @WhenSent()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdateUserDto extends VersionedDto(UserChanges) {}
