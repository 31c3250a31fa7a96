import { LANGUAGES, MAIL_KINDS, MAIL_STATUSES, type Language, type MailKind, type MailStatus } from '@salkku/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { User } from '../users/user.entity';

/**
 * One email in the outbox (table mail_outbox). Written in the transaction of the event it tells
 * about (enqueueMail), so a rolled-back event sends nothing; sent by the mail worker, which
 * claims due messages with FOR UPDATE SKIP LOCKED so that two API instances never send one twice.
 * The message is rendered from its kind and params in its language when it is sent or shown.
 */
@Entity('mail_outbox')
@Index('UQ_mail_outbox_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IDX_mail_outbox_due', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('IDX_mail_outbox_user_id', ['userId'])
export class MailMessage extends BaseEntity {
  @Column({ type: 'enum', enum: MAIL_KINDS, enumName: 'mail_kind' })
  kind: MailKind;

  /** The recipient (null once the user is deleted; the address stays for the record). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  /** The address at the time of the event. */
  @Column({ type: 'varchar', length: 254 })
  recipientEmail: string;

  /** The recipient's language at the time of the event: the message is written in it. */
  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'language' })
  language: Language;

  /** What the template of the kind needs (see MailParams). */
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  /** Unique among every message ever written: a second message with the same key is not written. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'enum', enum: MAIL_STATUSES, enumName: 'mail_status', default: 'pending' })
  status: MailStatus;

  /** Delivery attempts so far. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When the worker may try (again): now, or later after a failure (backoff). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** The last delivery error, for admins. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
