import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Columns every Salkku table has: uuid id, creation and update times, optimistic-lock version. */
export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** Options of an exact money column: numeric(15,2), read back as a string. */
export const MONEY_COLUMN = { type: 'numeric', precision: 15, scale: 2 } as const;
