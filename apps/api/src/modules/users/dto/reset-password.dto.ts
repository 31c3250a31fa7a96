import { ApiProperty } from '@nestjs/swagger';
import { MAX_PASSWORD_LENGTH } from '@salkku/shared';
import { IsString, MaxLength } from 'class-validator';

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', description: 'The new password: at least 12 characters, not a common password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
