import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A browser that has signed in to an account: the browser keeps a random token in a long-lived
 * HttpOnly cookie (salkku_device), the database its SHA-256 hash per account. Failed sign-ins
 * from other clients never throttle a known device (see SessionsService.reserveAttempt). It
 * grants nothing else: the password is still needed.
 */
@Entity('known_devices')
@Index('UQ_known_devices_user_token', ['userId', 'tokenHash'], { unique: true })
export class KnownDevice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last successful sign-in from this browser; a device unseen for KNOWN_DEVICE_DAYS is forgotten. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSignInAt: Date;
}
