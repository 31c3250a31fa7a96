import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class UpdateMyMailDigestDto {
  @ApiProperty({
    description:
      'Whether the weekly digest of what you owe is emailed to you. Notices about your own reports always are.',
  })
  @IsBoolean()
  mailDigest: boolean;
}

/** The digest choice now stored in the signed-in user's profile. */
export class MyMailDigestResponse {
  @ApiProperty()
  mailDigest: boolean;
}
