import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of matching's audit trail: bids, scores, awards and milestones. */
@Entity({ schema: 'matching', name: 'audit' })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('text') subject!: 'bid' | 'award' | 'engagement' | 'milestone' | 'matchmaking' | 'conversion' | 'reviewer';
  @Column('uuid') subjectId!: string;
  @Column('uuid', { nullable: true }) demandId!: string | null;
  @Column('text') action!: string;
  /** Null for the system (the milestone clock). */
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text', { nullable: true }) actorRole!: Role | null;
  @Column('jsonb') detail!: Record<string, unknown>;
  @Column('timestamptz') at!: Date;
}
