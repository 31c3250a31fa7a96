/** An id no record has: a well-formed uuid that is simply not found. */
export const UNKNOWN_ID = '7d0b3c1e-25a4-4a8c-9d2f-1b3c4d5e6f70';

/** API JSON as the tests read it. */
export type Json = Record<string, unknown>;

/** What the API answers for a record it has just created: `fields`, a new id, version 1 and its timestamps. */
export const createdRecord = (fields: Json): Json => ({
  id: expect.any(String),
  ...fields,
  version: 1,
  createdAt: expect.any(String),
  updatedAt: expect.any(String),
});

/** The fields a 400 answer names in its details, sorted. */
export const fieldsOf = (res: { body: { details?: Json } }): string[] => Object.keys(res.body.details ?? {}).sort();

/** The ids of a list page's items, in order. */
export const idsOf = (page: { body: { items: Json[] } }): string[] => page.body.items.map((item) => item.id as string);
