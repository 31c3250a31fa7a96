import { PageQuery } from '../../../common/pagination';
import { IdFilter, SortBy } from '../../../common/query-fields';

export const INDICATOR_TARGET_SORT_KEYS = ['indicatorCode', 'targetYear', 'createdAt'] as const;

export class ListIndicatorTargetsQuery extends PageQuery {
  @IdFilter('Targets of the agreement: its own and its projects’')
  agreementId?: string;

  @IdFilter('Targets of the project')
  projectId?: string;

  @IdFilter()
  indicatorId?: string;

  @SortBy(INDICATOR_TARGET_SORT_KEYS, 'indicatorCode')
  sort?: string;
}
