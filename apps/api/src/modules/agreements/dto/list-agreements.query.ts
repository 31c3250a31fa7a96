import { PageQuery } from '../../../common/pagination';
import { IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const AGREEMENT_SORT_KEYS = ['title', 'signedOn', 'createdAt'] as const;

export class ListAgreementsQuery extends PageQuery {
  @IdFilter('Only the agreements of this city')
  cityId?: string;

  @SearchText('Free text on the title')
  q?: string;

  @SortBy(AGREEMENT_SORT_KEYS, 'title')
  sort?: string;
}
