import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter, SearchText, SortBy } from '../../../common/query-fields';

export const ORGANISATION_SORT_KEYS = ['name', 'kind', 'createdAt'] as const;

export class ListOrganisationsQuery extends PageQuery {
  @SearchText('Free text on name or business ID')
  q?: string;

  @EnumFilter(ORGANISATION_KINDS, 'OrganisationKind')
  kind?: OrganisationKind;

  @SortBy(ORGANISATION_SORT_KEYS, 'name')
  sort?: string;
}
