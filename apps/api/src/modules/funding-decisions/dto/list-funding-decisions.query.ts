import {
  FUNDING_DECISION_STATUSES,
  FUNDING_INSTRUMENTS,
  type FundingDecisionStatus,
  type FundingInstrument,
} from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const FUNDING_DECISION_SORT_KEYS = ['decisionDate', 'amountGranted', 'createdAt'] as const;

export class ListFundingDecisionsQuery extends PageQuery {
  @IdFilter()
  agreementId?: string;

  @IdFilter()
  projectId?: string;

  @IdFilter()
  funderId?: string;

  @EnumFilter(FUNDING_INSTRUMENTS, 'FundingInstrument')
  instrument?: FundingInstrument;

  @EnumFilter(FUNDING_DECISION_STATUSES, 'FundingDecisionStatus')
  status?: FundingDecisionStatus;

  @SearchText('Free text on record number or decision body')
  q?: string;

  @SortBy(FUNDING_DECISION_SORT_KEYS, '-decisionDate')
  sort?: string;
}
