import { ApiProperty } from '@nestjs/swagger';
import { recordFields, RecordResponse } from '../../../common/responses';
import type { TargetMilestone } from '../indicator-target.entity';
import { exactValue } from '../indicator-value.column';

/** A yearly milestone of a target: the value expected by the end of the year. */
export class TargetMilestoneValue {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '10', description: 'An exact decimal as a string' })
  value: string;
}

/** One target row as the service selects it (the indicator's code joined). */
export interface IndicatorTargetRow {
  id: string;
  indicatorId: string;
  indicatorCode: string;
  agreementId: string;
  projectId: string | null;
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  milestones: TargetMilestone[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class IndicatorTargetResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  indicatorId: string;

  @ApiProperty({ example: 'RCO02' })
  indicatorCode: string;

  @ApiProperty({ format: 'uuid', description: 'The agreement (a project’s target: the project’s agreement)' })
  agreementId: string;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The project; null for the agreement’s own target',
  })
  projectId: string | null;

  @ApiProperty({ example: '0' })
  baselineValue: string;

  @ApiProperty({ example: 2021 })
  baselineYear: number;

  @ApiProperty({ example: '40' })
  targetValue: string;

  @ApiProperty({ example: 2027 })
  targetYear: number;

  @ApiProperty({ type: [TargetMilestoneValue], description: 'Yearly milestones, by year' })
  milestones: TargetMilestoneValue[];

  static from(row: IndicatorTargetRow): IndicatorTargetResponse {
    return {
      ...recordFields(row),
      indicatorId: row.indicatorId,
      indicatorCode: row.indicatorCode,
      agreementId: row.agreementId,
      projectId: row.projectId,
      baselineValue: exactValue(row.baselineValue),
      baselineYear: Number(row.baselineYear),
      targetValue: exactValue(row.targetValue),
      targetYear: Number(row.targetYear),
      milestones: row.milestones.map((m) => ({ year: m.year, value: exactValue(m.value) })),
    };
  }
}
