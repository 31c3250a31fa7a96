import { ROLES, type Role } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const USER_SORT_KEYS = ['email', 'displayName', 'createdAt'] as const;

export class ListUsersQuery extends PageQuery {
  @SearchText('Free text on email or display name')
  q?: string;

  @EnumFilter(ROLES, 'Role')
  role?: Role;

  @BooleanFilter('true: active users only; false: deactivated only')
  active?: boolean;

  @IdFilter()
  organisationId?: string;

  @SortBy(USER_SORT_KEYS, 'email')
  sort?: string;
}
