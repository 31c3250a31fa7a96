import { UpdateDto } from '../../../common/versioned.dto';
import { CreatePaymentDto } from './create-payment.dto';

/**
 * The funding decision of a payment is fixed: record a new payment under another decision
 * instead. Null clears the note, never the date or the amount.
 */
export class UpdatePaymentDto extends UpdateDto(CreatePaymentDto, {
  omit: ['fundingDecisionId'],
  required: ['paidOn', 'amount'],
}) {}
