import type { CooperationMode, District, Industry } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SubscriptionKind = 'need' | 'search' | 'profile';

/**
 * What a user asked to hear about: a need followed (its reminders and status changes), a saved
 * search, or the user's team profile acting as a search. Always one user's own.
 */
@Entity({ schema: 'notifications', name: 'subscription' })
export class Subscription {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  /** The user's organisation when subscribing: a profile subscription searches with its profile. */
  @Column('uuid', { nullable: true }) organisationId!: string | null;
  @Column('text') kind!: SubscriptionKind;
  @Column('uuid', { nullable: true }) demandId!: string | null;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text') query!: string;
  @Column('text', { array: true }) industries!: Industry[];
  @Column('text', { array: true }) districts!: District[];
  @Column('text', { array: true }) cooperationModes!: CooperationMode[];
  @Column('timestamptz') createdAt!: Date;
}

/** A subscription as its owner lists it: a followed need with its title and deadline. */
export interface SubscriptionRow extends Subscription {
  demandTitle: string | null;
  bidDeadline: Date | null;
}

/** A team's profile terms, as matching last published them. */
@Entity({ schema: 'notifications', name: 'team_profile' })
export class TeamProfileTerms {
  @Column('uuid', { primary: true }) organisationId!: string;
  @Column('text', { array: true }) terms!: string[];
  @Column('boolean') visible!: boolean;
  @Column('integer') version!: number;
}
