import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { VersionedDto } from '../../../common/versioned.dto';

class CloseRoundFields {
  @ApiPropertyOptional({
    default: false,
    description:
      'Close although some reports are not approved: they are listed as missing in the frozen report. Without ' +
      'it, a round closes only when every report is approved (else 409 reportsOutstanding).',
  })
  @IsOptional()
  @IsBoolean()
  acceptMissing?: boolean;
}

export class CloseRoundDto extends VersionedDto(CloseRoundFields) {}
