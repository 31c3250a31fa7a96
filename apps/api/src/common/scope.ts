import type { Actor } from './actor';

/**
 * City scope: a coordinator or manager sees only the agreements whose city is their
 * organisation, so another city's record is simply "not found" (404) and never counted in a
 * list. Queries apply it in SQL with `Sql.scope` (persistence/sql.ts); this checks a row already
 * loaded (a locked row's city, a city named in a body).
 */
export function inScope(actor: Actor, cityId: string): boolean {
  return actor.cityId === null || actor.cityId === cityId;
}
