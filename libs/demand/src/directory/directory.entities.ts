import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identity's organisations as demand needs them (names on public views, import lookups). */
@Entity({ schema: 'demand', name: 'organisation_directory' })
export class OrganisationEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('integer') version!: number;
}

/** Which enterprises each advisor serves, as identity last announced. */
@Entity({ schema: 'demand', name: 'advisor_portfolio' })
export class AdvisorPortfolio {
  @PrimaryColumn('uuid') advisorId!: string;
  @Column('uuid', { array: true }) organisationIds!: string[];
  @Column('integer') version!: number;
}
