import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { VersionedDto } from '../../../common/versioned.dto';

/** Optional in a PATCH, but not clearable: the statement must always name a contact once set. */
const WhenSent = () => ValidateIf((_o, v) => v !== undefined);

class AccessibilitySettingsChanges {
  @ApiPropertyOptional({ maxLength: 254, example: 'saavutettavuus@kuopio.fi' })
  @WhenSent()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 40, description: 'null clears it' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,38}$/, { message: 'phone must be a phone number such as +358 17 123 4567' })
  phone?: string | null;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Kuopion kaupunki' })
  @WhenSent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisationName?: string;
}

export class UpdateAccessibilitySettingsDto extends VersionedDto(AccessibilitySettingsChanges) {}
