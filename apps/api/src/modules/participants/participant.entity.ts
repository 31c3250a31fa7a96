import { PARTICIPANT_ROLES, SUPPORT_KINDS, type ParticipantRole, type SupportKind } from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MONEY_COLUMN } from '../../persistence/base.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ProjectChild } from '../projects/project-child.entity';

/**
 * An organisation's participation in a project (the participant register): its role, when it
 * took part, and the support it received. The derived indicators count enterprises from here.
 */
@Entity('participants')
@Index('UQ_participants_project_organisation', ['projectId', 'organisationId'], { unique: true })
@Index('IDX_participants_organisation_id', ['organisationId'])
@Check('CHK_participants_period', '"starts_on" IS NULL OR "ends_on" IS NULL OR "starts_on" <= "ends_on"')
@Check('CHK_participants_support_amount', '"support_amount" IS NULL OR "support_amount" >= 0')
export class Participant extends ProjectChild {
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: PARTICIPANT_ROLES, enumName: 'participant_role' })
  role: ParticipantRole;

  /** First day of taking part; empty: from the project's beginning. */
  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  /** Last day of taking part; empty: ongoing. */
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  /** The kind of support received; empty when not known. */
  @Column({ type: 'enum', enum: SUPPORT_KINDS, enumName: 'support_kind', nullable: true })
  supportKind: SupportKind | null;

  /** The support's amount in euros, when known. */
  @Column({ ...MONEY_COLUMN, nullable: true })
  supportAmount: string | null;
}
