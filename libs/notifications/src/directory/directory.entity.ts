import type { DemandStatus, Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identity's users as notifications address them. */
@Entity({ schema: 'notifications', name: 'recipient' })
export class Recipient {
  @PrimaryColumn('uuid') userId!: string;
  @Column('uuid', { nullable: true }) organisationId!: string | null;
  @Column('text') role!: Role;
  @Column('text') email!: string;
  @Column('text') displayName!: string;
}

/** Demand's needs as messages name them, kept in step by demand's events. */
@Entity({ schema: 'notifications', name: 'need' })
export class Need {
  @PrimaryColumn('uuid') demandId!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) code!: string | null;
  @Column('uuid') ownerOrganisationId!: string;
  @Column('text') status!: DemandStatus;
  @Column('timestamptz', { nullable: true }) bidDeadline!: Date | null;
  @Column('integer') version!: number;
}

/** Which enterprises each advisor serves, as identity last announced. */
@Entity({ schema: 'notifications', name: 'advisor_portfolio' })
export class AdvisorPortfolio {
  @PrimaryColumn('uuid') advisorId!: string;
  @Column('uuid', { array: true }) organisationIds!: string[];
  @Column('integer') version!: number;
}
