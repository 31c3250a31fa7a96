import type { Agreement, PriorityArea } from '../lib/api/portfolio-choices';

/** Test data for the agreement and priority area choices, shaped by the generated API types. */

const CITY_ID = 'c1e2f3a4-0000-4000-8000-0000000000c1';
const STAMP = { version: 1, createdAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z' };

/** An agreement of the city (Kuopio unless `cityName` says otherwise), as GET /api/agreements answers. */
export function agreementFixture(id: string, title: string, cityName = 'Kuopion kaupunki'): Agreement {
  return {
    id,
    title,
    cityId: CITY_ID,
    city: { id: CITY_ID, name: cityName },
    signedOn: null,
    validFrom: null,
    validTo: null,
    reportingPeriodicity: 'year',
    ...STAMP,
  };
}

/** A priority area of an agreement, as GET /api/priority-areas answers; names not given are null. */
export function priorityAreaFixture(
  id: string,
  agreementId: string,
  names: { nameFi: string; nameSv?: string | null; nameEn?: string | null },
): PriorityArea {
  return {
    id,
    agreementId,
    nameSv: null,
    nameEn: null,
    ...names,
    description: null,
    subThemes: [],
    ...STAMP,
  };
}
