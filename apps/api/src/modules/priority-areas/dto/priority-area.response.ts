import { ApiProperty } from '@nestjs/swagger';
import { RecordResponse } from '../../../common/responses';
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
      id: entity.id,
      agreementId: entity.agreementId,
      nameFi: entity.nameFi,
      nameSv: entity.nameSv,
      nameEn: entity.nameEn,
      description: entity.description,
      subThemes: entity.subThemes ?? [],
      version: entity.version,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}
