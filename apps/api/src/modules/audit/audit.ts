import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditEvent, type AuditAction, type AuditChanges } from './audit-event.entity';

/** Fields never written to the audit trail (bookkeeping, or secrets). */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'passwordHash']);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** The changed fields between two snapshots of a record (either may be null: create, delete). */
export function diff(before: object | null, after: object | null): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const oldValue = normalise(before ? (before as Record<string, unknown>)[key] : null);
    const newValue = normalise(after ? (after as Record<string, unknown>)[key] : null);
    if (typeof oldValue === 'object' || typeof newValue === 'object') {
      if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    } else if (oldValue === newValue) continue;
    changes[key] = { old: oldValue, new: newValue };
  }
  return changes;
}

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** Snapshot before the change (null on create). Plain columns of the entity. */
  before: object | null;
  /** Snapshot after the change (null on delete). */
  after: object | null;
  projectId?: string | null;
  cityId?: string | null;
}

/**
 * Writes one audit event inside the caller's transaction (pass the transaction's manager), so
 * the event exists exactly when the change does. An update that changes nothing writes nothing.
 */
export async function recordAudit(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
  const changes = diff(record.before, record.after);
  if (record.action === 'update' && Object.keys(changes).length === 0) return;
  await manager.getRepository(AuditEvent).insert({
    actorId: actor.id,
    actorName: actor.name,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    projectId: record.projectId ?? null,
    cityId: record.cityId ?? null,
    changes: changes as AuditEvent['changes'] & object,
  });
}

/** The record a change is about, and where its event belongs besides (a project's history, a city). */
interface AuditedChange {
  id: string;
  projectId?: string | null;
  cityId?: string | null;
}

/**
 * The audit trail of one kind of record, for the service that writes it: the record's type is
 * named once, a create has no "before" and a delete no "after".
 */
export class AuditTrail {
  constructor(private readonly entityType: string) {}

  created(manager: EntityManager, actor: Actor, change: AuditedChange & { after: object }): Promise<void> {
    return this.record(manager, actor, 'create', { ...change, before: null });
  }

  updated(
    manager: EntityManager,
    actor: Actor,
    change: AuditedChange & { before: object; after: object },
  ): Promise<void> {
    return this.record(manager, actor, 'update', change);
  }

  deleted(manager: EntityManager, actor: Actor, change: AuditedChange & { before: object }): Promise<void> {
    return this.record(manager, actor, 'delete', { ...change, after: null });
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    { id, ...change }: AuditedChange & { before: object | null; after: object | null },
  ): Promise<void> {
    return recordAudit(manager, actor, { action, entityType: this.entityType, entityId: id, ...change });
  }
}
