import { MILESTONE_STATUSES, type MilestoneStatus } from '@salkku/shared';
import { IsNotBefore } from '../../../common/validators';
import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, DateFilter, EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const MILESTONE_SORT_KEYS = ['dueDate', 'title', 'status', 'createdAt'] as const;

export class ListMilestonesQuery extends PageQuery {
  @IdFilter()
  projectId?: string;

  @IdFilter("Milestones of the agreement's projects (through the priority area)")
  agreementId?: string;

  @EnumFilter(MILESTONE_STATUSES, 'MilestoneStatus')
  status?: MilestoneStatus;

  @BooleanFilter('true: due before today and neither done nor cancelled; false: the others')
  overdue?: boolean;

  @DateFilter('Due on or after this date (e.g. today and dueTo = today + 30 days for "due in the next 30 days")')
  dueFrom?: string;

  @DateFilter('Due on or before this date')
  @IsNotBefore('dueFrom')
  dueTo?: string;

  @SearchText('Free text in the title')
  q?: string;

  @SortBy(MILESTONE_SORT_KEYS, 'dueDate')
  sort?: string;
}
