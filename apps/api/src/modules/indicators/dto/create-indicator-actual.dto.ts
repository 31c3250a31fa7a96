import { IndicatorValueField, ReportingPeriodField, TextField, UuidField } from '../../../common/validators';

export class CreateIndicatorActualDto {
  @UuidField({ description: 'A common indicator, or the holder agreement’s own; never a derived one' })
  indicatorId: string;

  @UuidField({ optional: true, description: 'A project’s value: the project (give this or agreementId)' })
  projectId?: string | null;

  @UuidField({ optional: true, description: 'A value of the agreement itself: the agreement (give this or projectId)' })
  agreementId?: string | null;

  @ReportingPeriodField({
    description:
      'A year ("2025") or a half-year ("2025-H1"), as the agreement reports (reportingPeriodicity); not after ' +
      'the current period. One value per holder and period.',
  })
  period: string;

  @IndicatorValueField()
  value: string;

  @TextField({ max: 5000, optional: true })
  note?: string | null;
}
