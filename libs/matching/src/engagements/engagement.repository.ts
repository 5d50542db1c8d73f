import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import { type EntityManager, In } from 'typeorm';
import type { PlannedMilestone } from '../bids/bid.entity';
import { Engagement, Milestone } from './engagement.entity';

export interface EngagementScope {
  teamOrganisationId?: string;
  ownerOrganisationIds?: string[];
  /** An advisor's: engagements where either party is one of these organisations. */
  partyOrganisationIds?: string[];
}

@Injectable()
export class EngagementRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Opens an engagement with the milestones of the winning bid's plan. */
  async open(
    engagement: Pick<Engagement, 'demandId' | 'bidId' | 'teamOrganisationId' | 'ownerOrganisationId' | 'createdAt'>,
    plan: PlannedMilestone[],
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.insert(Engagement, { ...engagement, status: 'awarded', version: 1 });
    const id = (result.identifiers[0] as { id: string }).id;
    await manager.insert(
      Milestone,
      plan.map((m, index) => ({
        engagementId: id,
        seq: index + 1,
        title: m.title,
        dueDate: m.dueDate,
        paymentShare: m.paymentShare,
        status: 'planned' as const,
        deliverables: [],
      })),
    );
    return id;
  }

  find(id: string, manager: EntityManager = this.transactions.manager): Promise<Engagement | null> {
    return manager.findOneBy(Engagement, { id });
  }

  lock(id: string, manager: EntityManager): Promise<Engagement | null> {
    return manager
      .createQueryBuilder(Engagement, 'e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
  }

  /** Share-locked: writers alongside it may proceed, a change of its status waits (and it for one). */
  lockShared(id: string, manager: EntityManager): Promise<Engagement | null> {
    return manager.createQueryBuilder(Engagement, 'e').setLock('pessimistic_read').where('e.id = :id', { id }).getOne();
  }

  milestones(engagementId: string, manager: EntityManager = this.transactions.manager): Promise<Milestone[]> {
    return manager.find(Milestone, { where: { engagementId }, order: { seq: 'ASC' } });
  }

  milestonesOf(engagementIds: string[]): Promise<Milestone[]> {
    if (engagementIds.length === 0) return Promise.resolve([]);
    return this.transactions.manager.find(Milestone, {
      where: { engagementId: In(engagementIds) },
      order: { seq: 'ASC' },
    });
  }

  async updateEngagement(id: string, changes: Partial<Engagement>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Engagement)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Cancels the open engagements of a need; returns them. */
  async cancelOpen(demandId: string, at: Date, manager: EntityManager): Promise<Engagement[]> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE matching.engagement SET status = 'cancelled', cancelled_at = $2, version = version + 1
       WHERE demand_id = $1 AND status IN ('awarded', 'in_progress') RETURNING id`,
      [demandId, at],
    );
    return rows.length === 0 ? [] : manager.findBy(Engagement, { id: In(rows.map((row) => row.id)) });
  }

  async updateMilestone(id: string, changes: Partial<Milestone>, manager: EntityManager): Promise<void> {
    await manager.update(Milestone, { id }, changes);
  }

  /** Engagements of a need, locked: the last completion decides for the need. */
  lockOfDemand(demandId: string, manager: EntityManager): Promise<Engagement[]> {
    return manager
      .createQueryBuilder(Engagement, 'e')
      .setLock('pessimistic_write')
      .where('e.demand_id = :demandId', { demandId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  list(
    scope: EngagementScope | undefined,
    page: { offset: number; pageSize: number },
  ): Promise<[Engagement[], number]> {
    const query = this.transactions.manager.createQueryBuilder(Engagement, 'e');
    if (scope?.teamOrganisationId) query.andWhere('e.team_organisation_id = :team', { team: scope.teamOrganisationId });
    if (scope?.ownerOrganisationIds) {
      query.andWhere('e.owner_organisation_id = ANY(:owners)', { owners: scope.ownerOrganisationIds });
    }
    if (scope?.partyOrganisationIds) {
      query.andWhere('(e.owner_organisation_id = ANY(:parties) OR e.team_organisation_id = ANY(:parties))', {
        parties: scope.partyOrganisationIds,
      });
    }
    return query.orderBy('e.created_at', 'DESC').skip(page.offset).take(page.pageSize).getManyAndCount();
  }

  /** Milestones due before `today` with nothing accepted or waiting, not yet flagged; locked, skipping busy ones. */
  dueUnflagged(today: string, limit: number, manager: EntityManager): Promise<Milestone[]> {
    return manager
      .createQueryBuilder(Milestone, 'm')
      .innerJoin(Engagement, 'e', 'e.id = m.engagement_id')
      .where(`m.status IN ('planned', 'rejected') AND m.overdue_flagged_at IS NULL AND m.due_date < :today`, { today })
      .andWhere(`e.status IN ('awarded', 'in_progress')`)
      .orderBy('m.due_date', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
