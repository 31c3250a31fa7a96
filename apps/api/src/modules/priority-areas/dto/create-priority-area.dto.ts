import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { TextField, UuidField } from '../../../common/validators';

export const MAX_SUB_THEMES = 20;
export const MAX_SUB_THEME_LENGTH = 300;

export class CreatePriorityAreaDto {
  @UuidField({ description: 'The agreement the area belongs to; it cannot be changed later' })
  agreementId: string;

  @TextField({ max: 200, description: 'Name in Finnish (painopiste / kärkiteema)' })
  nameFi: string;

  @TextField({ max: 200, optional: true, description: 'Name in Swedish' })
  nameSv?: string | null;

  @TextField({ max: 200, optional: true, description: 'Name in English' })
  nameEn?: string | null;

  @TextField({ max: 5000, optional: true })
  description?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_SUB_THEMES,
    default: [],
    example: ['Smart water-supply solutions'],
    description: `Sub-themes, at most ${MAX_SUB_THEMES}, each non-empty and at most ${MAX_SUB_THEME_LENGTH} characters`,
  })
  // Not nullable: leave it out for none, or send [] to clear.
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_SUB_THEMES)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'each value in subThemes must contain text' })
  @MaxLength(MAX_SUB_THEME_LENGTH, { each: true })
  subThemes?: string[];
}
