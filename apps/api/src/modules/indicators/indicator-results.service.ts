import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import type {
  AgreementIndicatorResults,
  IndicatorSummary,
  NationalIndicatorResults,
  ProjectIndicatorResults,
} from './dto/indicator-results.response';
import type { IndicatorSummaryQuery } from './dto/indicator-summary.query';

@Injectable()
export class IndicatorResultsService {
  project(_id: string, _actor: Actor): Promise<ProjectIndicatorResults> {
    throw new Error('not implemented yet');
  }

  agreement(_id: string, _actor: Actor): Promise<AgreementIndicatorResults> {
    throw new Error('not implemented yet');
  }

  national(_actor: Actor): Promise<NationalIndicatorResults> {
    throw new Error('not implemented yet');
  }

  summary(_query: IndicatorSummaryQuery, _actor: Actor): Promise<IndicatorSummary> {
    throw new Error('not implemented yet');
  }
}
