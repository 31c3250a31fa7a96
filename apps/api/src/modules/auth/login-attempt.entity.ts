import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed sign-in (or wrong current password), kept for the throttling windows: which account
 * (the email as typed, lower-cased), from which client address, and from which known device of
 * that account if the browser showed one. In PostgreSQL so that all API instances count together.
 * See SessionsService.reserveAttempt for the policy.
 */
@Entity('login_attempts')
@Index('IDX_login_attempts_account_time', ['account', 'attemptedAt'])
@Index('IDX_login_attempts_address_time', ['address', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 320 })
  account: string;

  @Column({ type: 'varchar', length: 100 })
  address: string;

  /** The known device (KnownDevice.id) the attempt came from; null for a browser the account does not know. */
  @Column({ type: 'uuid', nullable: true })
  deviceId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  attemptedAt: Date;
}
