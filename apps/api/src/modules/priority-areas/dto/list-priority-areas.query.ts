import { PageQuery } from '../../../common/pagination';
import { IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const PRIORITY_AREA_SORT_KEYS = ['nameFi', 'createdAt'] as const;

export class ListPriorityAreasQuery extends PageQuery {
  @IdFilter('Only the areas of this agreement')
  agreementId?: string;

  @SearchText('Free text on the Finnish, Swedish or English name')
  q?: string;

  @SortBy(PRIORITY_AREA_SORT_KEYS, 'nameFi')
  sort?: string;
}
