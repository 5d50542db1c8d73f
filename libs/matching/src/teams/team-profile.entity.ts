import type { Industry } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export interface KeyMember {
  name: string;
  title: string;
  expertise: string;
}

/** A research team's public profile, kept by its organisation's team accounts. */
@Entity({ schema: 'matching', name: 'team_profile' })
export class TeamProfile {
  @PrimaryColumn('uuid') organisationId!: string;
  @Column('text') summary!: string;
  @Column('text', { array: true }) researchFields!: string[];
  @Column('text', { array: true }) keywords!: string[];
  @Column('jsonb') members!: KeyMember[];
  @Column('boolean') visible!: boolean;
  @Column('uuid') updatedBy!: string;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  @Column('integer') version!: number;
}

/** 科技成果: an achievement of a team, which matchmakings and conversions can point at. */
@Entity({ schema: 'matching', name: 'achievement' })
export class Achievement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') organisationId!: string;
  @Column('text') title!: string;
  @Column('integer') year!: number;
  /** Technology readiness level, 1–9. */
  @Column('integer') trl!: number;
  @Column('text', { array: true }) patents!: string[];
  @Column('text', { nullable: true }) industry!: Industry | null;
  @Column('integer') position!: number;
  @Column('timestamptz') createdAt!: Date;
}
