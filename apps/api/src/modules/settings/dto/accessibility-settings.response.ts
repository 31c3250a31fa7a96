import { ApiProperty } from '@nestjs/swagger';
import { RecordResponseOnly } from '../../../common/responses';
import type { AccessibilityFeedbackSettings } from '../accessibility-settings.entity';

/** The accessibility statement's feedback contact (null fields: not configured yet). */
export class AccessibilitySettingsResponse extends RecordResponseOnly('version', 'updatedAt') {
  @ApiProperty({ type: 'string', nullable: true, example: 'saavutettavuus@kuopio.fi' })
  email: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '+358 17 123 4567' })
  phone: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Kuopion kaupunki' })
  organisationName: string | null;

  static from(entity: AccessibilityFeedbackSettings): AccessibilitySettingsResponse {
    return {
      email: entity.email,
      phone: entity.phone,
      organisationName: entity.organisationName,
      version: entity.version,
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}
