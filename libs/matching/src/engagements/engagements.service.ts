import { Injectable } from '@nestjs/common';
import {
  type EventType,
  MILESTONE_TRANSITIONS,
  type MilestoneAction,
  milestoneMoveAllowed,
  type Principal,
} from '@jiebang/contracts';
import { EventBus, type Page, pageOf, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { type EngagementRelation, relationToEngagement } from '../access/parties';
import { PartiesRepository } from '../access/parties.repository';
import { AuditRepository } from '../audit/audit.repository';
import type { Actor } from '../common/actor';
import { beijingDay } from '../common/beijing';
import { ListingRepository } from '../listings/listing.repository';
import { matchingError } from '../matching.errors';
import { ThreadRepository } from '../threads/thread.repository';
import {
  type EngagementQuery,
  type EngagementView,
  type RejectMilestoneDto,
  type SubmitMilestoneDto,
  toEngagementView,
} from './engagement.dto';
import type { Engagement, Milestone } from './engagement.entity';
import { type EngagementScope, EngagementRepository } from './engagement.repository';

type MilestoneEvent = Extract<EventType, `matching.milestone_${string}`>;

/** The work under an award: the team submits milestones, the owner accepts or rejects them. */
@Injectable()
export class EngagementsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly engagements: EngagementRepository,
    private readonly listings: ListingRepository,
    private readonly parties: PartiesRepository,
    private readonly audit: AuditRepository,
    private readonly threads: ThreadRepository,
    private readonly events: EventBus,
  ) {}

  async list(query: EngagementQuery, caller: Principal): Promise<Page<EngagementView>> {
    const [engagements, total] = await this.engagements.list(await this.scopeOf(caller), query);
    return pageOf(await this.views(engagements, caller), total, query);
  }

  async get(id: string, caller: Principal): Promise<EngagementView> {
    const engagement = await this.engagements.find(id);
    if (!engagement || (await this.relation(caller, engagement)) === 'none') throw this.notFound();
    return (await this.views([engagement], caller))[0];
  }

  async submitMilestone(
    id: string,
    milestoneId: string,
    input: SubmitMilestoneDto,
    actor: Actor,
  ): Promise<EngagementView> {
    await this.transactions.run(async (manager) => {
      const { engagement, milestone, milestones } = await this.lockMilestone(
        id,
        milestoneId,
        actor.principal,
        'team',
        manager,
      );
      if (!milestoneMoveAllowed('submit', milestone.status)) throw this.illegal(milestone, 'submit');
      const pending = milestones.find((m) => m.seq < milestone.seq && m.status !== 'accepted');
      if (pending) {
        throw matchingError('MILESTONE_ILLEGAL_TRANSITION', `Milestone ${pending.seq} must be accepted first.`, {
          extensions: { blockingMilestoneId: pending.id },
        });
      }
      const at = await this.transactions.clock(manager);
      await this.engagements.updateMilestone(
        milestoneId,
        {
          status: MILESTONE_TRANSITIONS.submit.to,
          deliverables: input.deliverables,
          note: input.note ?? null,
          submittedAt: at,
          decisionReason: null,
        },
        manager,
      );
      // The first delivery is when the work visibly started (已揭榜 → 攻关中).
      const starting = engagement.status === 'awarded';
      await this.engagements.updateEngagement(id, starting ? { status: 'in_progress', startedAt: at } : {}, manager);
      const version = engagement.version + 1;
      if (starting) {
        await this.events.publish(
          manager,
          EventBus.envelope('matching.engagement_started', id, version, { demandId: engagement.demandId }),
        );
      }
      await this.record(engagement, milestone, 'submit', actor.principal, at, manager);
      await this.announce('matching.milestone_submitted', engagement, milestone, version, null, manager);
    });
    return this.get(id, actor.principal);
  }

  async acceptMilestone(id: string, milestoneId: string, actor: Actor): Promise<EngagementView> {
    await this.transactions.run(async (manager) => {
      const { engagement, milestone, milestones, siblings } = await this.lockMilestone(
        id,
        milestoneId,
        actor.principal,
        'owner',
        manager,
      );
      if (!milestoneMoveAllowed('accept', milestone.status)) throw this.illegal(milestone, 'accept');
      const at = await this.transactions.clock(manager);
      await this.engagements.updateMilestone(
        milestoneId,
        { status: MILESTONE_TRANSITIONS.accept.to, decidedAt: at },
        manager,
      );
      const completes = milestones.every((m) => m.id === milestoneId || m.status === 'accepted');
      await this.engagements.updateEngagement(id, completes ? { status: 'completed', completedAt: at } : {}, manager);
      const version = engagement.version + 1;
      await this.record(engagement, milestone, 'accept', actor.principal, at, manager);
      await this.announce('matching.milestone_accepted', engagement, milestone, version, null, manager);
      if (completes) {
        const allCompleted = siblings.every((e) => e.id === id || e.status === 'completed');
        await this.events.publish(
          manager,
          EventBus.envelope('matching.engagement_completed', id, version, {
            demandId: engagement.demandId,
            allEngagementsCompleted: allCompleted,
          }),
        );
      }
    });
    return this.get(id, actor.principal);
  }

  async rejectMilestone(
    id: string,
    milestoneId: string,
    input: RejectMilestoneDto,
    actor: Actor,
  ): Promise<EngagementView> {
    await this.transactions.run(async (manager) => {
      const { engagement, milestone } = await this.lockMilestone(id, milestoneId, actor.principal, 'owner', manager);
      if (!milestoneMoveAllowed('reject', milestone.status)) throw this.illegal(milestone, 'reject');
      const at = await this.transactions.clock(manager);
      await this.engagements.updateMilestone(
        milestoneId,
        { status: MILESTONE_TRANSITIONS.reject.to, decidedAt: at, decisionReason: input.reason },
        manager,
      );
      await this.engagements.updateEngagement(id, {}, manager);
      await this.record(engagement, milestone, 'reject', actor.principal, at, manager, { reason: input.reason });
      await this.announce(
        'matching.milestone_rejected',
        engagement,
        milestone,
        engagement.version + 1,
        input.reason,
        manager,
      );
    });
    return this.get(id, actor.principal);
  }

  /** A milestone of an engagement the caller takes part in (its files are read by the same parties). */
  async milestoneOf(id: string, milestoneId: string, caller: Principal): Promise<Milestone> {
    const engagement = await this.engagements.find(id);
    if (!engagement || (await this.relation(caller, engagement)) === 'none') throw this.notFound();
    const milestone = (await this.engagements.milestones(id)).find((m) => m.id === milestoneId);
    if (!milestone) throw matchingError('MILESTONE_NOT_FOUND', 'No such milestone in this engagement.');
    return milestone;
  }

  /** Locks a milestone whose deliverables the winning team may still change: one it may (re)submit. */
  async lockForDelivery(
    id: string,
    milestoneId: string,
    caller: Principal,
    manager: EntityManager,
  ): Promise<Milestone> {
    const { milestone } = await this.lockMilestone(id, milestoneId, caller, 'team', manager);
    if (!milestoneMoveAllowed('submit', milestone.status)) throw this.illegal(milestone, 'submit');
    return milestone;
  }

  /**
   * A need withdrawn in demand while its award was on its way there: demand cannot apply the
   * award, so the engagements it opened end here, on the record.
   */
  async cancelForWithdrawnNeed(demandId: string, at: Date, manager: EntityManager): Promise<void> {
    const cancelled = await this.engagements.cancelOpen(demandId, at, manager);
    await this.audit.record(
      cancelled.map((engagement) => ({
        subject: 'engagement' as const,
        subjectId: engagement.id,
        demandId,
        action: 'cancel',
        actor: null,
        detail: { reason: 'demand.withdrawn' },
        at,
      })),
      manager,
    );
  }

  /** Flags milestones past due with nothing delivered, once each; returns how many. */
  async flagOverdue(): Promise<number> {
    let flagged = 0;
    for (;;) {
      const count = await this.transactions.run(async (manager) => {
        const at = await this.transactions.clock(manager);
        const due = await this.engagements.dueUnflagged(beijingDay(at), 200, manager);
        for (const milestone of due) {
          const engagement = (await this.engagements.lock(milestone.engagementId, manager))!;
          await this.engagements.updateMilestone(milestone.id, { overdueFlaggedAt: at }, manager);
          await this.engagements.updateEngagement(engagement.id, {}, manager);
          await this.audit.record(
            [
              {
                subject: 'milestone',
                subjectId: milestone.id,
                demandId: engagement.demandId,
                action: 'overdue',
                actor: null,
                detail: { engagementId: engagement.id, dueDate: milestone.dueDate },
                at,
              },
            ],
            manager,
          );
          await this.announce(
            'matching.milestone_overdue',
            engagement,
            milestone,
            engagement.version + 1,
            null,
            manager,
          );
        }
        return due.length;
      });
      flagged += count;
      if (count < 200) return flagged;
    }
  }

  /**
   * Locks every engagement of the need in one order (so two parallel winners never deadlock),
   * then checks the caller's part: `team` acts for the winning team, `owner` for the need's side.
   */
  private async lockMilestone(
    id: string,
    milestoneId: string,
    caller: Principal,
    part: 'team' | 'owner',
    manager: EntityManager,
  ): Promise<{ engagement: Engagement; milestone: Milestone; milestones: Milestone[]; siblings: Engagement[] }> {
    const found = await this.engagements.find(id, manager);
    if (!found) throw this.notFound();
    const siblings = await this.engagements.lockOfDemand(found.demandId, manager);
    const engagement = siblings.find((e) => e.id === id)!;
    const relation = await this.relation(caller, engagement, manager);
    if (relation === 'none') throw this.notFound();
    if (engagement.status === 'cancelled') {
      throw matchingError('MILESTONE_ILLEGAL_TRANSITION', 'This engagement was cancelled: its need was withdrawn.', {
        extensions: { engagementStatus: engagement.status },
      });
    }
    const allowed = part === 'team' ? relation === 'team' : relation === 'owner' || relation === 'admin';
    if (!allowed) {
      throw matchingError(
        'ENGAGEMENT_FORBIDDEN',
        part === 'team'
          ? 'Only the winning team submits milestones.'
          : 'Only the owner or the office decides on milestones.',
      );
    }
    const milestones = await this.engagements.milestones(id, manager);
    const milestone = milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw matchingError('MILESTONE_NOT_FOUND', 'No such milestone in this engagement.');
    return { engagement, milestone, milestones, siblings };
  }

  private async relation(
    caller: Principal,
    engagement: Engagement,
    manager?: EntityManager,
  ): Promise<EngagementRelation> {
    const served = caller.role === 'advisor' ? await this.parties.servedBy(caller.userId, manager) : [];
    return relationToEngagement(caller, engagement, served);
  }

  private async scopeOf(caller: Principal): Promise<EngagementScope | undefined> {
    switch (caller.role) {
      case 'admin':
        return undefined;
      case 'team':
        return { teamOrganisationId: caller.organisationId };
      case 'enterprise':
        return { ownerOrganisationIds: [caller.organisationId] };
      case 'advisor':
        return { partyOrganisationIds: await this.parties.servedBy(caller.userId) };
    }
  }

  private async record(
    engagement: Engagement,
    milestone: Milestone,
    action: string,
    actor: Principal,
    at: Date,
    manager: EntityManager,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(
      [
        {
          subject: 'milestone',
          subjectId: milestone.id,
          demandId: engagement.demandId,
          action,
          actor,
          detail: { engagementId: engagement.id, seq: milestone.seq, ...detail },
          at,
        },
      ],
      manager,
    );
  }

  private async announce(
    type: MilestoneEvent,
    engagement: Engagement,
    milestone: Milestone,
    version: number,
    reason: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await this.events.publish(
      manager,
      EventBus.envelope(type, engagement.id, version, {
        engagementId: engagement.id,
        demandId: engagement.demandId,
        milestoneId: milestone.id,
        milestoneTitle: milestone.title,
        teamOrganisationId: engagement.teamOrganisationId,
        ownerOrganisationId: engagement.ownerOrganisationId,
        reason,
      }),
    );
  }

  private illegal(milestone: Milestone, action: MilestoneAction) {
    return matchingError('MILESTONE_ILLEGAL_TRANSITION', `Cannot ${action} a milestone that is ${milestone.status}.`, {
      extensions: { currentStatus: milestone.status, action },
    });
  }

  /** Views with milestones, needs' titles, teams' names and the caller's unread messages, in four lookups whatever their number. */
  private async views(engagements: Engagement[], caller: Principal): Promise<EngagementView[]> {
    const today = beijingDay(new Date());
    const milestones = await this.engagements.milestonesOf(engagements.map((e) => e.id));
    const needs = await this.listings.headlines([...new Set(engagements.map((e) => e.demandId))]);
    const names = await this.listings.organisationNames([...new Set(engagements.map((e) => e.teamOrganisationId))]);
    const unread = await this.threads.unreadCounts(
      caller.userId,
      engagements.map((e) => e.id),
    );
    return engagements.map((engagement) =>
      toEngagementView(
        engagement,
        milestones.filter((m) => m.engagementId === engagement.id),
        today,
        {
          demandTitle: needs.get(engagement.demandId)?.title ?? null,
          teamName: names.get(engagement.teamOrganisationId) ?? null,
          unreadMessages: unread.get(engagement.id) ?? 0,
        },
      ),
    );
  }

  private notFound() {
    return matchingError('ENGAGEMENT_NOT_FOUND', 'No such engagement.');
  }
}
