import type { Role } from '@jiebang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ schema: 'identity', name: 'user_account' })
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Column('text') email!: string;
  @Column('text') passwordHash!: string;
  @Column('text') displayName!: string;
  @Column('text') role!: Role;
  @Column('uuid', { nullable: true }) organisationId!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  /** Set with `active = false` (a check constraint keeps them in step), and by whom. */
  @Column({ type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @Column('uuid', { nullable: true }) deactivatedBy!: string | null;
  /** Bumped on every change of an advisor's served organisations: the event version. */
  @Column('integer', { default: 0 }) assignmentsVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
