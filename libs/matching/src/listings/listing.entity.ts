import type { AwardMode, DemandStatus, District, Industry } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Demand's needs as matching needs them, kept in step by demand's events. */
@Entity({ schema: 'matching', name: 'listing' })
export class Listing {
  @PrimaryColumn('uuid') demandId!: string;
  @Column('text', { nullable: true }) code!: string | null;
  @Column('text') title!: string;
  @Column('uuid') ownerOrganisationId!: string;
  @Column('text', { nullable: true }) ownerName!: string | null;
  @Column('text') industry!: Industry;
  @Column('text') district!: District;
  @Column('text') status!: DemandStatus;
  @Column('timestamptz', { nullable: true }) bidDeadline!: Date | null;
  @Column('text') awardMode!: AwardMode;
  @Column('integer') awardLeads!: number;
  /** The need's technical indicators (技术指标), which every bid answers one by one. */
  @Column('text', { array: true }) indicatorNames!: string[];
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  /** When the need first reached the programme (its first event): the funnel's 征集 stage. */
  @Column('timestamptz') collectedAt!: Date;
  @Column('integer') version!: number;
}

/** Identity's organisations, for names on bids and profiles. */
@Entity({ schema: 'matching', name: 'organisation' })
export class OrganisationEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('integer') version!: number;
}

/** Which enterprises each advisor serves, as identity last announced. */
@Entity({ schema: 'matching', name: 'advisor_portfolio' })
export class AdvisorPortfolio {
  @PrimaryColumn('uuid') advisorId!: string;
  @Column('uuid', { array: true }) organisationIds!: string[];
  @Column('integer') version!: number;
}
