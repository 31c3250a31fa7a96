import { ApiProperty } from '@nestjs/swagger';
import type { PriorityArea } from '../priority-area.entity';

export class PriorityAreaResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

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

  @ApiProperty({ description: 'Send back on update (If-Match or body) to avoid lost updates' })
  version: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;

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
