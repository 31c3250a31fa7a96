import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { ReportingRound } from './reporting-round.entity';

/**
 * The report of a closed round as it stood at closing: the agreement report of the round's period
 * with its indicators and the period reports' narratives, as one JSON text kept exactly as written
 * (text, not jsonb, so it is served byte for byte). Never changed after it is written.
 */
@Entity('frozen_reports')
@Index('UQ_frozen_reports_round', ['roundId'], { unique: true })
export class FrozenReport extends BaseEntity {
  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportingRound, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'round_id' })
  round?: ReportingRound;

  @Column({ type: 'text' })
  document: string;

  @Column({ type: 'timestamptz' })
  frozenAt: Date;

  @Column({ type: 'uuid', nullable: true })
  frozenById: string | null;

  @Column({ type: 'varchar', length: 200 })
  frozenByName: string;
}
