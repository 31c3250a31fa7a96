import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';

/**
 * The feedback contact of the accessibility statement (Act 306/2019 requires one). A single
 * row, inserted by its migration; admins change it, everyone (also signed out) reads it.
 * Null email or organisation: not configured yet.
 */
@Entity('accessibility_feedback_settings')
export class AccessibilityFeedbackSettings extends BaseEntity {
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName: string | null;
}
