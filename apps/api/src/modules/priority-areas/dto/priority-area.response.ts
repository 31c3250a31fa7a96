import { ApiProperty } from '@nestjs/swagger';
import { recordFields, RecordResponse } from '../../../common/responses';
import type { PriorityArea } from '../priority-area.entity';

export class PriorityAreaResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ example: 'Vesi' })
  nameFi: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'Vatten' })
  nameSv: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Water' })
  nameEn: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;

  @ApiProperty({ type: [String], example: ['Smart water-supply solutions'] })
  subThemes: string[];

  static from(entity: PriorityArea): PriorityAreaResponse {
    return {
      ...recordFields(entity),
      agreementId: entity.agreementId,
      nameFi: entity.nameFi,
      nameSv: entity.nameSv,
      nameEn: entity.nameEn,
      description: entity.description,
      subThemes: entity.subThemes ?? [],
    };
  }
}
