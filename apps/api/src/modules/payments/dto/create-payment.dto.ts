import { IsoDateField, MoneyField, TextField, UuidField } from '../../../common/validators';
import { IsPositiveMoney } from './positive-money.validator';

export class CreatePaymentDto {
  @UuidField({ description: 'The funding decision paid under; cannot be changed afterwards' })
  fundingDecisionId: string;

  @IsoDateField({ description: 'The day the payment was made' })
  paidOn: string;

  @MoneyField({ description: 'Euros paid, more than zero, as an exact decimal string' })
  @IsPositiveMoney()
  amount: string;

  @TextField({ max: 2000, optional: true, description: 'E.g. the payment period or the report it was based on' })
  note?: string | null;
}
