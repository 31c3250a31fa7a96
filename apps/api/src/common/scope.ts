import type { SelectQueryBuilder } from 'typeorm';
import type { Actor } from './actor';

/**
 * City scope, applied inside the query itself: a coordinator or manager sees only the agreements
 * whose city is their organisation, so another city's record is simply "not found" (404) and
 * never counted in a list. Reads apply it with `Sql.scope` (persistence/sql.ts) in their query
 * modules; the helpers here serve the writes that lock a row through TypeORM and the checks on
 * rows already loaded. `cityColumn` is the SQL expression of the agreement's city_id that the
 * query joins to (e.g. "a.city_id").
 */

/** For QueryBuilder: `qb.andWhere(...scopeWhere(actor, 'a.city_id'))` — true when unscoped. */
export function scopeWhere(actor: Actor, cityColumn: string): [string, Record<string, unknown>] {
  if (actor.cityId === null) return ['TRUE', {}];
  return [`${cityColumn} = :scopeCityId`, { scopeCityId: actor.cityId }];
}

/** Whether the actor's scope includes the given city (for rows already loaded). */
export function inScope(actor: Actor, cityId: string): boolean {
  return actor.cityId === null || actor.cityId === cityId;
}

/**
 * Joins a record's project (p), priority area (pa) and agreement (a) and limits it to the
 * actor's city scope: for records that belong to a project (milestones, status reports).
 */
export function scopedThroughProject<Q extends SelectQueryBuilder<object>>(
  qb: Q,
  actor: Actor,
  projectIdColumn: string,
): Q {
  return qb
    .innerJoin('projects', 'p', `p.id = ${projectIdColumn}`)
    .innerJoin('priority_areas', 'pa', 'pa.id = p.priority_area_id')
    .innerJoin('agreements', 'a', 'a.id = pa.agreement_id')
    .andWhere(...scopeWhere(actor, 'a.city_id'));
}
