import { ApiProperty } from '@nestjs/swagger';

export class AgreementCityResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Kuopion kaupunki' })
  name: string;
}

/** One row of the agreements select (see AgreementsService): explicit columns, city joined. */
export interface AgreementRow {
  id: string;
  cityId: string;
  cityName: string;
  title: string;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class AgreementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ type: AgreementCityResponse })
  city: AgreementCityResponse;

  @ApiProperty({ example: 'Kuopion ekosysteemisopimus 2021–2027' })
  title: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2021-02-09' })
  signedOn: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2021-02-09' })
  validFrom: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2027-12-31' })
  validTo: string | null;

  @ApiProperty({ description: 'Send back on update (If-Match or body) to avoid lost updates' })
  version: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;

  static from(row: AgreementRow): AgreementResponse {
    return {
      id: row.id,
      cityId: row.cityId,
      city: { id: row.cityId, name: row.cityName },
      title: row.title,
      signedOn: row.signedOn,
      validFrom: row.validFrom,
      validTo: row.validTo,
      version: Number(row.version),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}
