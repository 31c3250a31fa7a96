import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed sign-in, kept for the throttling window: per account ("account:<email>") and per
 * client ("client:<ip>"). In PostgreSQL so that all API instances count together.
 */
@Entity('login_attempts')
@Index('IDX_login_attempts_key_time', ['key', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 320 })
  key: string;

  @CreateDateColumn({ type: 'timestamptz' })
  attemptedAt: Date;
}
