import { OmitType, PartialType } from '@nestjs/swagger';
import { VersionedDto } from '../../../common/versioned.dto';
import { CreatePaymentDto } from './create-payment.dto';

/** The funding decision of a payment is fixed: record a new payment under another decision instead. */
export class UpdatePaymentDto extends VersionedDto(
  PartialType(OmitType(CreatePaymentDto, ['fundingDecisionId'] as const)),
) {}
