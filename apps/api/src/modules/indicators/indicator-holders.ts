import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { AuditTrail } from '../audit/audit';
import { findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import { queryRow } from '../../persistence/sql';
import {
  agreementHolderSql,
  indicatorForValueSql,
  projectHolderSql,
  storedHolderSql,
  type Holder,
  type IndicatorForValue,
} from './indicators.queries';

/**
 * What targets and actuals share: the holder a write names (a project, or the agreement itself),
 * the indicator it is about, and the rules between them.
 */

/** The holder a create names: exactly one of projectId and agreementId, in the actor's scope (else 400). */
export async function lockHolder(
  manager: EntityManager,
  dto: { projectId?: string | null; agreementId?: string | null },
  actor: Actor,
): Promise<Holder> {
  const projectId = dto.projectId ?? null;
  const agreementId = dto.agreementId ?? null;
  if (projectId !== null && agreementId !== null) {
    throw invalid(
      'agreementId',
      'oneHolder',
      'give projectId (a project’s) or agreementId (the agreement’s own), not both',
    );
  }
  if (projectId !== null) {
    const holder = await queryRow<Holder>(manager, (sql) => projectHolderSql(sql, projectId, actor));
    if (!holder) throw invalid('projectId', 'notFound', `project ${projectId} does not exist`);
    return holder;
  }
  if (agreementId !== null) {
    const holder = await queryRow<Holder>(manager, (sql) => agreementHolderSql(sql, agreementId, actor));
    if (!holder) throw invalid('agreementId', 'notFound', `agreement ${agreementId} does not exist`);
    return holder;
  }
  throw invalid('projectId', 'required', 'give projectId (a project’s) or agreementId (the agreement’s own)');
}

/**
 * The indicator a create names, held against change until the write commits: it must be visible
 * to the actor (else 400 notFound) and common or the holder agreement's own (else 400
 * notAgreementIndicator).
 */
export async function lockIndicatorFor(
  manager: EntityManager,
  indicatorId: string,
  holder: Holder,
  actor: Actor,
): Promise<IndicatorForValue> {
  const indicator = await queryRow<IndicatorForValue>(manager, (sql) => indicatorForValueSql(sql, indicatorId, actor));
  if (!indicator) throw invalid('indicatorId', 'notFound', `indicator ${indicatorId} does not exist`);
  if (indicator.agreementId !== null && indicator.agreementId !== holder.agreementId) {
    throw invalid(
      'indicatorId',
      'notAgreementIndicator',
      `indicator ${indicator.code} is another agreement’s own: use a common indicator or this agreement’s own`,
    );
  }
  return indicator;
}

/**
 * The holder of a stored target or actual in the actor's scope, or NOT_FOUND (another city's
 * record is not found, like a missing one). `label` names the record in the error.
 */
export async function storedHolder(
  manager: EntityManager,
  row: { id: string; agreementId: string; projectId: string | null },
  actor: Actor,
  label: string,
): Promise<Holder> {
  const holder = await queryRow<Holder>(manager, (sql) => storedHolderSql(sql, row.agreementId, row.projectId, actor));
  if (!holder) throw notFound(label, row.id);
  return holder;
}

/**
 * Deletes a target or an actual (If-Match optional; a stale one is a 409) in one transaction,
 * with its audit event: another city's record is not found, like a missing one.
 */
export async function removeHeld<
  T extends { id: string; version: number; agreementId: string; projectId: string | null },
>(
  dataSource: DataSource,
  entity: EntityTarget<T> & (new () => T),
  label: string,
  audit: AuditTrail,
  snapshot: (row: T) => Record<string, unknown>,
  id: string,
  version: number | undefined,
  actor: Actor,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const row = await findForUpdate(manager, entity, id, label);
    const holder = await storedHolder(manager, row, actor, label);
    if (version !== undefined) assertVersion(label, row.version, version);
    await manager.delete(entity, { id });
    await audit.deleted(manager, actor, {
      id,
      before: snapshot(row),
      projectId: holder.projectId,
      cityId: holder.cityId,
    });
  });
}
