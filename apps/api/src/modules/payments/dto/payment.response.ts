import { ApiProperty } from '@nestjs/swagger';
import { recordFields, RecordResponse } from '../../../common/responses';
import type { Payment } from '../payment.entity';

export class PaymentResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  fundingDecisionId: string;

  @ApiProperty({ type: 'string', format: 'date', example: '2022-03-31' })
  paidOn: string;

  @ApiProperty({ example: '5000.00', description: 'Euros' })
  amount: string;

  @ApiProperty({ type: 'string', nullable: true })
  note: string | null;

  /** From an entity or a raw row with the same (camelCase) columns. */
  static from(entity: Omit<Payment, 'fundingDecision'>): PaymentResponse {
    return {
      ...recordFields(entity),
      fundingDecisionId: entity.fundingDecisionId,
      paidOn: entity.paidOn,
      amount: entity.amount,
      note: entity.note,
    };
  }
}
