import type { DemandStatus, Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a need's audit trail: who moved it, when, from where to where, and why. */
@Entity({ schema: 'demand', name: 'transition' })
export class Transition {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid') demandId!: string;
  @Column('text') action!: string;
  @Column('text', { nullable: true }) fromStatus!: DemandStatus | null;
  @Column('text') toStatus!: DemandStatus;
  /** Null for the system (deadline job, matching events). */
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text', { nullable: true }) actorRole!: Role | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('timestamptz') at!: Date;
}
