import { IsNotBefore } from '../../../common/validators';
import { PageQuery } from '../../../common/pagination';
import { DateFilter, IdFilter, SortBy } from '../../../common/query-fields';

export const PAYMENT_SORT_KEYS = ['paidOn', 'amount', 'createdAt'] as const;

export class ListPaymentsQuery extends PageQuery {
  @IdFilter()
  fundingDecisionId?: string;

  @IdFilter("Payments under the project's funding decisions")
  projectId?: string;

  @IdFilter("Payments under the agreement's funding decisions")
  agreementId?: string;

  @DateFilter('Paid on or after this day')
  paidFrom?: string;

  @DateFilter('Paid on or before this day')
  @IsNotBefore('paidFrom')
  paidTo?: string;

  @SortBy(PAYMENT_SORT_KEYS, '-paidOn')
  sort?: string;
}
