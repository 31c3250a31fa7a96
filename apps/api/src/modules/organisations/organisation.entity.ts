import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';

@Entity('organisations')
export class Organisation extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  /** Finnish business ID (Y-tunnus), check digit validated; empty when unknown or foreign. */
  @Index('UQ_organisations_business_id', { unique: true })
  @Column({ type: 'varchar', length: 9, nullable: true })
  businessId: string | null;

  /** ISO 3166-1 alpha-2 country code. */
  @Column({ type: 'char', length: 2, default: 'FI' })
  country: string;
}
