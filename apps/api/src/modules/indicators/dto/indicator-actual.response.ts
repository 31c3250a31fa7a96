import { ApiProperty } from '@nestjs/swagger';
import { recordFields, RecordResponse } from '../../../common/responses';
import { exactValue } from '../indicator-value.column';

/** One actual row as the service selects it (the indicator's code joined). */
export interface IndicatorActualRow {
  id: string;
  indicatorId: string;
  indicatorCode: string;
  agreementId: string;
  projectId: string | null;
  period: string;
  value: string;
  note: string | null;
  enteredBy: string;
  enteredById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class IndicatorActualResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  indicatorId: string;

  @ApiProperty({ example: 'RCO02' })
  indicatorCode: string;

  @ApiProperty({ format: 'uuid', description: 'The agreement (a project’s value: the project’s agreement)' })
  agreementId: string;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The project; null for a value of the agreement itself',
  })
  projectId: string | null;

  @ApiProperty({ example: '2025', description: 'A year ("2025") or a half-year ("2025-H1"), as the agreement reports' })
  period: string;

  @ApiProperty({ example: '12', description: 'An exact decimal as a string' })
  value: string;

  @ApiProperty({ type: 'string', nullable: true })
  note: string | null;

  @ApiProperty({ example: 'Kaisa Koordinaattori', description: 'Who entered (or last corrected) the value' })
  enteredBy: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  enteredById: string | null;

  static from(row: IndicatorActualRow): IndicatorActualResponse {
    return {
      ...recordFields(row),
      indicatorId: row.indicatorId,
      indicatorCode: row.indicatorCode,
      agreementId: row.agreementId,
      projectId: row.projectId,
      period: row.period,
      value: exactValue(row.value),
      note: row.note,
      enteredBy: row.enteredBy,
      enteredById: row.enteredById,
    };
  }
}
