import { ApiProperty } from '@nestjs/swagger';
import { REPORTING_PERIODICITIES, type ReportingPeriodicity } from '@salkku/shared';
import { OrganisationRef, recordFields, RecordResponse } from '../../../common/responses';

/** One row of the agreements select (see AgreementsService): explicit columns, city joined. */
export interface AgreementRow {
  id: string;
  cityId: string;
  cityName: string;
  title: string;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  reportingPeriodicity: ReportingPeriodicity;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class AgreementResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ type: OrganisationRef })
  city: OrganisationRef;

  @ApiProperty({ example: 'Kuopion ekosysteemisopimus 2021–2027' })
  title: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2021-02-09' })
  signedOn: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2021-02-09' })
  validFrom: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2027-12-31' })
  validTo: string | null;

  @ApiProperty({ enum: REPORTING_PERIODICITIES, enumName: 'ReportingPeriodicity' })
  reportingPeriodicity: ReportingPeriodicity;

  static from(row: AgreementRow): AgreementResponse {
    return {
      ...recordFields(row),
      cityId: row.cityId,
      city: { id: row.cityId, name: row.cityName },
      title: row.title,
      signedOn: row.signedOn,
      validFrom: row.validFrom,
      validTo: row.validTo,
      reportingPeriodicity: row.reportingPeriodicity,
    };
  }
}
