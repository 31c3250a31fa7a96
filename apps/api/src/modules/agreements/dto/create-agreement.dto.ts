import { REPORTING_PERIODICITIES, type ReportingPeriodicity } from '@salkku/shared';
import { EnumField, IsoDateField, TextField, UuidField } from '../../../common/validators';

export class CreateAgreementDto {
  @UuidField({ description: 'The city (an organisation of kind "city") that signed the agreement' })
  cityId: string;

  @TextField({ max: 300 })
  title: string;

  @IsoDateField({ optional: true, description: 'Date of signing; empty when not known' })
  signedOn?: string | null;

  @IsoDateField({ optional: true, description: 'First day in force; on or before validTo' })
  validFrom?: string | null;

  @IsoDateField({ optional: true, description: 'Last day in force; on or after validFrom' })
  validTo?: string | null;

  @EnumField(REPORTING_PERIODICITIES, 'ReportingPeriodicity', {
    optional: true,
    description:
      'How the agreement reports its indicators: by year ("2025") or by half-year ("2025-H1"); year by ' +
      'default. It cannot change once indicator values have been entered for the agreement (409)',
  })
  reportingPeriodicity?: ReportingPeriodicity;
}
