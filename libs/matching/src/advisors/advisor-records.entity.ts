import type { ConversionKind, MatchmakingKind, MatchmakingOutcome } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../common/validation';

/** 对接: an advisor brought a need and a team (or an achievement) together. */
@Entity({ schema: 'matching', name: 'matchmaking' })
export class Matchmaking {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') advisorId!: string;
  @Column('uuid', { nullable: true }) demandId!: string | null;
  @Column('uuid', { nullable: true }) teamOrganisationId!: string | null;
  @Column('uuid', { nullable: true }) achievementId!: string | null;
  @Column('text') kind!: MatchmakingKind;
  /** yyyy-mm-dd */
  @Column('date') occurredOn!: string;
  @Column('text') notes!: string;
  @Column('text') outcome!: MatchmakingOutcome;
  @Column('timestamptz') createdAt!: Date;
  /** Raised by every edit; the ETag an edit sends back in If-Match. */
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { nullable: true }) updatedAt!: Date | null;
}

/** 成果转化: an achievement turned into a deal, with or without a bid behind it. */
@Entity({ schema: 'matching', name: 'conversion' })
export class Conversion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') advisorId!: string;
  @Column('text') title!: string;
  @Column('text') kind!: ConversionKind;
  /** 万元 */
  @Column('numeric', { precision: 12, scale: 2, transformer: numeric }) contractValue!: number;
  /** yyyy-mm-dd */
  @Column('date') signedOn!: string;
  @Column('uuid', { nullable: true }) demandId!: string | null;
  @Column('uuid', { nullable: true }) bidId!: string | null;
  @Column('uuid', { nullable: true }) engagementId!: string | null;
  @Column('uuid', { nullable: true }) achievementId!: string | null;
  @Column('text') parties!: string;
  @Column('text') evidenceRef!: string;
  @Column('timestamptz') createdAt!: Date;
  /** Raised by every edit; the ETag an edit sends back in If-Match. */
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { nullable: true }) updatedAt!: Date | null;
}

/** What an advisor writes of a record; the rest is the record's bookkeeping. */
export type MatchmakingFields = Omit<Matchmaking, 'id' | 'advisorId' | 'createdAt' | 'version' | 'updatedAt'>;
export type ConversionFields = Omit<Conversion, 'id' | 'advisorId' | 'createdAt' | 'version' | 'updatedAt'>;
