import { INDICATOR_KINDS, INDICATOR_SOURCES, type IndicatorKind, type IndicatorSource } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const INDICATOR_SORT_KEYS = ['code', 'nameFi', 'nameSv', 'nameEn', 'source', 'kind', 'createdAt'] as const;

export class ListIndicatorsQuery extends PageQuery {
  @IdFilter('The indicators an agreement may use: the common ones and that agreement’s own')
  agreementId?: string;

  @EnumFilter(INDICATOR_SOURCES, 'IndicatorSource')
  source?: IndicatorSource;

  @EnumFilter(INDICATOR_KINDS, 'IndicatorKind')
  kind?: IndicatorKind;

  @SearchText('Free text in the code or the names')
  q?: string;

  @SortBy(INDICATOR_SORT_KEYS, 'code')
  sort?: string;
}
