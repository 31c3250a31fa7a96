import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One field's change: the value before and after (null where there was none), JSON-exact. */
export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * An audit event: who changed what and when, written in the same transaction as the change.
 * Append-only: no API changes or deletes them (there are no such routes), and they carry no
 * version because they are never updated.
 */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('IDX_audit_events_project', ['projectId', 'occurredAt'])
@Index('IDX_audit_events_occurred_at', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** The acting user; null for the system (demo data, command line). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'enum', enum: AUDIT_ACTIONS, enumName: 'audit_action' })
  action: AuditAction;

  /** The kind of record: 'project', 'funding_decision', 'payment', … */
  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** The project the record belongs to, if any (for the project's history). */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /** The city of the agreement the record belongs to, if any (for scoped reading). */
  @Column({ type: 'uuid', nullable: true })
  cityId: string | null;

  @Column({ type: 'jsonb' })
  changes: AuditChanges;
}
