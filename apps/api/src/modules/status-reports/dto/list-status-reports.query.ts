import { HEALTH_VALUES, type Health } from '@salkku/shared';
import { IsNotBefore } from '../../../common/validators';
import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, DateFilter, EnumFilter, IdFilter, SortBy } from '../../../common/query-fields';

export const STATUS_REPORT_SORT_KEYS = ['reportingDate', 'createdAt', 'health'] as const;

export class ListStatusReportsQuery extends PageQuery {
  @IdFilter()
  projectId?: string;

  @IdFilter("Reports on the agreement's projects (through the priority area)")
  agreementId?: string;

  @EnumFilter(HEALTH_VALUES, 'Health', 'With latestOnly: projects whose latest report has this health')
  health?: Health;

  @DateFilter('Reporting date on or after this date')
  reportedFrom?: string;

  @DateFilter('Reporting date on or before this date (with latestOnly: the latest report as of this date)')
  @IsNotBefore('reportedFrom')
  reportedTo?: string;

  @BooleanFilter(
    "Only each project's latest report (latest reporting date, then latest created) within the date range; " +
      'the health filter then applies to that latest report',
    { default: false },
  )
  latestOnly?: boolean;

  @SortBy(
    STATUS_REPORT_SORT_KEYS,
    '-reportingDate',
    'Newest first by default; equal reporting dates are ordered by creation time',
  )
  sort?: string;
}
