import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound } from '../common/domain-error';
import { inScope } from '../common/scope';
import { queryRow, type Sql } from './sql';

/**
 * Loads a row for update inside a transaction (SELECT … FOR UPDATE), or throws NOT_FOUND.
 * Rules that compare the stored row with the change (version, transitions, paid vs granted)
 * run under this lock, so two concurrent writers cannot both pass them.
 */
export async function findForUpdate<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  label: string,
): Promise<T> {
  const row = await manager
    .createQueryBuilder(target, 'row')
    .setLock('pessimistic_write')
    .where('row.id = :id', { id })
    .getOne();
  if (!row) throw notFound(label, id);
  return row;
}

/** Copies the fields that are present in a PATCH body (undefined = not sent; null = clear). */
export function applyPatch<T extends object>(target: T, patch: Partial<T>): T {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'version') (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/**
 * Locks a record of the actor's city for update (SELECT … FOR UPDATE of its row), then reads its
 * city with `cityOf` (a statement returning `{ cityId }` for the record, its agreement's city):
 * another city's record is NOT_FOUND, exactly like a missing one.
 */
export async function findForUpdateInScope<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  label: string,
  actor: Actor,
  cityOf: (sql: Sql) => string,
): Promise<{ row: T; cityId: string }> {
  const row = await findForUpdate(manager, target, id, label);
  const city = await queryRow<{ cityId: string }>(manager, cityOf);
  if (!city || !inScope(actor, city.cityId)) throw notFound(label, id);
  return { row, cityId: city.cityId };
}
