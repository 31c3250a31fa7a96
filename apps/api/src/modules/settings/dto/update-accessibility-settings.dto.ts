import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UpdateDto } from '../../../common/versioned.dto';

/** The statement's feedback contact. */
class AccessibilitySettingsFields {
  @ApiPropertyOptional({ maxLength: 254, example: 'saavutettavuus@kuopio.fi' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 40, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,38}$/, { message: 'phone must be a phone number such as +358 17 123 4567' })
  phone?: string | null;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Kuopion kaupunki' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisationName?: string;
}

/** Any of the fields; null clears the phone, never the email or the organisation: the statement must always name a contact once set. */
export class UpdateAccessibilitySettingsDto extends UpdateDto(AccessibilitySettingsFields, {
  required: ['email', 'organisationName'],
}) {}
