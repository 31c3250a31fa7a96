import { REPORTING_PERIODICITIES, type ReportingPeriodicity } from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Organisation } from '../organisations/organisation.entity';

/** An ecosystem agreement between a city and the state. */
@Entity('agreements')
@Check('CHK_agreements_validity', '"valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"')
export class Agreement extends BaseEntity {
  @Index('IDX_agreements_city_id')
  @Column({ type: 'uuid' })
  cityId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'city_id' })
  city?: Organisation;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** How the agreement reports its indicators: by year or by half-year. */
  @Column({
    type: 'enum',
    enum: REPORTING_PERIODICITIES,
    enumName: 'reporting_periodicity',
    default: 'year',
  })
  reportingPeriodicity: ReportingPeriodicity;
}
