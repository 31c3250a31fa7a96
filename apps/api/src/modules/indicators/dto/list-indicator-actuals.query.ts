import { PageQuery } from '../../../common/pagination';
import { IdFilter, SortBy } from '../../../common/query-fields';
import { ReportingPeriodField } from '../../../common/validators';

export const INDICATOR_ACTUAL_SORT_KEYS = ['period', 'indicatorCode', 'updatedAt'] as const;

export class ListIndicatorActualsQuery extends PageQuery {
  @IdFilter('Values of the agreement: its own and its projects’')
  agreementId?: string;

  @IdFilter('Values of the project')
  projectId?: string;

  @IdFilter()
  indicatorId?: string;

  @ReportingPeriodField({ optional: true })
  period?: string;

  @SortBy(INDICATOR_ACTUAL_SORT_KEYS, 'period')
  sort?: string;
}
