import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A server-side session. The browser holds only an opaque random token (256 bits) in an
 * HttpOnly cookie; the database holds its SHA-256 hash, so a leaked table cannot be replayed.
 * Stored in PostgreSQL so that every API instance sees the same sessions.
 */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_sessions_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Index('IDX_sessions_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The CSRF token that state-changing requests of this session must echo in X-CSRF-Token. */
  @Column({ type: 'char', length: 64 })
  csrfToken: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last request; the session ends after the idle timeout without requests. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  /** Absolute end of the session, however active it is. */
  @Index('IDX_sessions_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
