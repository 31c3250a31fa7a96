import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';

/** A priority area (painopiste / kärkiteema) of an agreement, named in three languages. */
@Entity('priority_areas')
export class PriorityArea extends BaseEntity {
  @Index('IDX_priority_areas_agreement_id')
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column({ type: 'varchar', length: 200 })
  nameFi: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameSv: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  subThemes: string[];
}
