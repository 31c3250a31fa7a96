import { ApiProperty } from '@nestjs/swagger';
import { RecordResponse } from '../../../common/responses';
import type { RoundRow } from '../reporting-rounds.queries';

export class RoundAgreementRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The agreement’s city (organisation id)' })
  cityId: string;
}

export class PersonRef {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'Null for the system' })
  id: string | null;

  @ApiProperty()
  name: string;
}

export class RoundProgress {
  @ApiProperty({ description: 'Reports nobody has saved yet' })
  owed: number;

  @ApiProperty()
  draft: number;

  @ApiProperty()
  submitted: number;

  @ApiProperty()
  returned: number;

  @ApiProperty()
  approved: number;

  @ApiProperty({ description: 'Owed, draft or returned reports past the due date while the round is open' })
  overdue: number;

  @ApiProperty({ description: 'Every report of the round' })
  total: number;
}

export class RoundResponse extends RecordResponse {
  @ApiProperty({ type: RoundAgreementRef })
  agreement: RoundAgreementRef;

  @ApiProperty({ example: '2025-H1', description: 'A year or a half-year, as the agreement reports' })
  period: string;

  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;

  @ApiProperty({ type: 'string', nullable: true })
  instructions: string | null;

  @ApiProperty()
  reminderDaysBefore: number;

  @ApiProperty({ description: 'Open until closed; a closed round’s reports no longer change' })
  open: boolean;

  @ApiProperty({ type: PersonRef, description: 'Who opened the round (createdAt is when)' })
  openedBy: PersonRef;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: PersonRef, nullable: true })
  closedBy: PersonRef | null;

  @ApiProperty({ description: 'Whether the frozen report is stored (every closed round has one)' })
  frozen: boolean;

  @ApiProperty({ type: RoundProgress })
  progress: RoundProgress;

  static from(row: RoundRow): RoundResponse {
    return {
      id: row.id,
      agreement: { id: row.agreementId, title: row.agreementTitle, cityId: row.cityId },
      period: row.period,
      dueDate: row.dueDate,
      instructions: row.instructions,
      reminderDaysBefore: Number(row.reminderDaysBefore),
      open: row.closedAt === null,
      openedBy: { id: row.openedById, name: row.openedByName },
      closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
      closedBy: row.closedAt === null ? null : { id: row.closedById, name: row.closedByName ?? '' },
      frozen: row.frozen,
      progress: {
        owed: row.owed,
        draft: row.draft,
        submitted: row.submitted,
        returned: row.returned,
        approved: row.approved,
        overdue: row.overdue,
        total: row.reportCount,
      },
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      version: Number(row.version),
    };
  }
}
