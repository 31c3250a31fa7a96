import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, IdFilter } from '../../../common/query-fields';

export class ListRoundsQuery extends PageQuery {
  @IdFilter('Rounds of this agreement')
  agreementId?: string;

  @BooleanFilter('true: open rounds only; false: closed rounds only')
  open?: boolean;
}
