import { IdFilter } from '../../../common/query-fields';

export class IndicatorSummaryQuery {
  @IdFilter('Only this agreement (in the caller’s scope; otherwise 404)')
  agreementId?: string;
}
