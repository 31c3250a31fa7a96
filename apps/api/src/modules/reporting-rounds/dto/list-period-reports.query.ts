import { PERIOD_REPORT_STATUSES, type PeriodReportStatus } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, EnumFilter, IdFilter } from '../../../common/query-fields';

export class ListPeriodReportsQuery extends PageQuery {
  @IdFilter('Reports of this round')
  roundId?: string;

  @IdFilter('Reports of this project')
  projectId?: string;

  @EnumFilter(PERIOD_REPORT_STATUSES, 'PeriodReportStatus')
  status?: PeriodReportStatus;

  @BooleanFilter('Only reports past their due date in open rounds and still outstanding (owed, draft or returned)')
  overdue?: boolean;
}
