import type { SelectQueryBuilder } from 'typeorm';
import type { Actor } from './actor';

/**
 * City scope, applied inside the query itself: a coordinator or manager sees only the agreements
 * whose city is their organisation, so another city's record is simply "not found" (404) and
 * never counted in a list. `cityColumn` is the SQL expression of the agreement's city_id that the
 * query joins to (e.g. "a.city_id").
 */

/** For QueryBuilder: `qb.andWhere(...scopeWhere(actor, 'a.city_id'))` — true when unscoped. */
export function scopeWhere(actor: Actor, cityColumn: string): [string, Record<string, unknown>] {
  if (actor.cityId === null) return ['TRUE', {}];
  return [`${cityColumn} = :scopeCityId`, { scopeCityId: actor.cityId }];
}

/** For raw SQL with positional parameters: returns the condition, adding the parameter via `add`. */
export function scopeSql(actor: Actor, cityColumn: string, add: (value: unknown) => string): string {
  if (actor.cityId === null) return 'TRUE';
  return `${cityColumn} = ${add(actor.cityId)}`;
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

/** Replaces a query's select list with explicit `[column, alias]` pairs. */
export function selectColumns<Q extends SelectQueryBuilder<object>>(
  qb: Q,
  columns: ReadonlyArray<readonly [string, string]>,
): Q {
  qb.select([]);
  for (const [column, alias] of columns) qb.addSelect(column, alias);
  return qb;
}
