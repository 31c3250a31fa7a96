import { LANGUAGES, ROLES, type Language, type Role } from '@salkku/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Organisation } from '../organisations/organisation.entity';

/**
 * A person who signs in. The email is stored lower-cased (unique, so case-insensitive). A
 * coordinator's or manager's organisation is their city: it decides which portfolio they see.
 */
@Entity('users')
export class User extends BaseEntity {
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Index('IDX_users_organisation_id')
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'language', default: 'fi' })
  language: Language;

  /** Whether the weekly digest of what the user owes is sent (the one message a user can turn off). */
  @Column({ type: 'boolean', default: true })
  mailDigest: boolean;

  /** Argon2id hash (PHC string). Never leaves the server, never audited. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;
}
