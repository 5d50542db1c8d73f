import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { EventBus, platformError, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { hasConflictOfInterest, mayOnBid, relationToBid, relationToNeed } from '../access/parties';
import { PartiesRepository } from '../access/parties.repository';
import { AuditRepository } from '../audit/audit.repository';
import { BidRepository } from '../bids/bid.repository';
import type { Actor } from '../common/actor';
import type { Listing } from '../listings/listing.entity';
import { ListingRepository } from '../listings/listing.repository';
import { matchingError } from '../matching.errors';
import type {
  AssignReviewerDto,
  ReviewAssignmentView,
  ReviewerView,
  ScoreDto,
  ShortlistView,
  WeightsDto,
} from './evaluation.dto';
import { EvaluationRepository, type Reviewer } from './evaluation.repository';
import { rankBids } from './scoring';

/** Scoring bids against weighted criteria, reviewers, conflicts of interest and the ranked shortlist. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly evaluation: EvaluationRepository,
    private readonly bids: BidRepository,
    private readonly listings: ListingRepository,
    private readonly parties: PartiesRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async setWeights(demandId: string, weights: WeightsDto, actor: Actor): Promise<WeightsDto> {
    const sum = weights.feasibility + weights.capability + weights.cost + weights.timeline;
    if (sum !== 100) {
      throw platformError('VALIDATION_FAILED', 'The weights must add up to 100.', {
        errors: [{ field: 'weights', message: `add up to ${sum}, not 100` }],
      });
    }
    await this.transactions.run(async (manager) => {
      const listing = await this.visibleNeed(demandId, actor.principal, 'set_weights', manager);
      await this.evaluation.setWeights(listing.demandId, weights, await this.transactions.clock(manager), manager);
    });
    return this.evaluation.weights(demandId);
  }

  /** Asks a registered user to score the need's bids; they hear of it in their inbox. Assigning twice changes nothing. */
  async assignReviewer(demandId: string, input: AssignReviewerDto, actor: Actor): Promise<ReviewerView> {
    if (input.userId != null && input.email != null) {
      throw platformError('VALIDATION_FAILED', 'Name the reviewer once.', {
        errors: [{ field: 'userId', message: 'give either email or userId, not both' }],
      });
    }
    const listing = await this.visibleNeed(demandId, actor.principal, 'assign_reviewer');
    const field = input.userId != null ? 'userId' : 'email';
    const reviewer = await this.evaluation.recipient(
      input.userId != null ? { userId: input.userId } : { email: input.email! },
    );
    if (!reviewer) {
      throw matchingError('REFERENCE_NOT_FOUND', 'No registered user is known by that.', {
        errors: [{ field, message: field === 'email' ? 'no registered user with this e-mail' : 'no such user' }],
      });
    }
    if (
      reviewer.organisationId &&
      (await this.evaluation.organisationBids(listing.demandId, reviewer.organisationId))
    ) {
      throw matchingError('CONFLICT_OF_INTEREST', 'The reviewer’s organisation bids on this need.', {
        errors: [{ field, message: 'from an organisation bidding on this need' }],
      });
    }
    await this.transactions.run(async (manager) => {
      const at = await this.transactions.clock(manager);
      const added = await this.evaluation.addReviewer(
        {
          demandId: listing.demandId,
          userId: reviewer.userId,
          organisationId: reviewer.organisationId,
          assignedBy: actor.principal.userId,
          at,
        },
        manager,
      );
      if (!added) return;
      await this.audit.record(
        [
          {
            subject: 'reviewer',
            subjectId: reviewer.userId,
            demandId: listing.demandId,
            action: 'assign',
            actor: actor.principal,
            at,
          },
        ],
        manager,
      );
      await this.events.publish(
        manager,
        EventBus.envelope('matching.reviewer_assigned', listing.demandId, 1, {
          demandId: listing.demandId,
          userId: reviewer.userId,
          assignedBy: actor.principal.userId,
        }),
      );
    });
    // The need was checked above: read the reviewer back without asking who the caller is again.
    const rows = await this.evaluation.reviewers(listing.demandId);
    return toReviewerView(rows.find((row) => row.userId === reviewer.userId)!);
  }

  async reviewers(demandId: string, caller: Principal): Promise<ReviewerView[]> {
    const listing = await this.visibleNeed(demandId, caller, 'assign_reviewer');
    return (await this.evaluation.reviewers(listing.demandId)).map(toReviewerView);
  }

  /** Withdraws an invitation, as long as the reviewer has not scored yet (their scores count in the ranking). */
  async removeReviewer(demandId: string, userId: string, actor: Actor): Promise<void> {
    await this.transactions.run(async (manager) => {
      const listing = await this.visibleNeed(demandId, actor.principal, 'assign_reviewer', manager);
      const outcome = await this.evaluation.removeReviewer(listing.demandId, userId, manager);
      if (outcome === 'not_assigned') throw matchingError('REVIEWER_NOT_FOUND', 'No such reviewer of this need.');
      if (outcome === 'has_scored') {
        throw matchingError('REVIEWER_HAS_SCORED', 'The reviewer has scored bids of this need and stays.');
      }
      await this.audit.record(
        [
          {
            subject: 'reviewer',
            subjectId: userId,
            demandId: listing.demandId,
            action: 'remove',
            actor: actor.principal,
            at: await this.transactions.clock(manager),
          },
        ],
        manager,
      );
    });
  }

  /** The needs the caller was asked to review, with their progress. */
  async assignments(caller: Principal): Promise<ReviewAssignmentView[]> {
    const rows = await this.evaluation.assignments(caller.userId);
    return rows.map((row) => ({
      ...row,
      bidDeadline: row.bidDeadline?.toISOString() ?? null,
      assignedAt: row.assignedAt.toISOString(),
    }));
  }

  async score(bidId: string, input: ScoreDto, actor: Actor): Promise<ShortlistView> {
    const caller = actor.principal;
    const demandId = await this.transactions.run(async (manager) => {
      const bid = await this.bids.lock(bidId, manager);
      if (!bid || bid.submittedAt === null) throw matchingError('BID_NOT_FOUND', 'No such bid.');
      const listing = (await this.listings.find(bid.demandId, manager))!;
      const parties = await this.parties.of(listing, manager);
      if (!mayOnBid(relationToBid(caller, parties, bid), 'read')) throw matchingError('BID_NOT_FOUND', 'No such bid.');
      // Judged as the need's side: a reviewer who is also of the bidding team is still a reviewer, in conflict.
      if (!mayOnBid(relationToNeed(caller, parties), 'score')) {
        throw matchingError('REVIEW_FORBIDDEN', 'You may not score bids on this need.');
      }
      if (hasConflictOfInterest(caller, bid)) {
        throw matchingError('CONFLICT_OF_INTEREST', 'You may not score a bid from your own organisation.');
      }
      if (bid.status !== 'submitted') {
        throw matchingError('BID_NOT_SCORABLE', `A ${bid.status} bid can no longer be scored.`, {
          extensions: { currentStatus: bid.status },
        });
      }
      const at = await this.transactions.clock(manager);
      const { comment = '', ...scores } = input;
      await this.evaluation.upsertScore(
        {
          bidId,
          reviewerId: caller.userId,
          reviewerOrganisationId: caller.organisationId,
          comment,
          scoredAt: at,
          ...scores,
        },
        manager,
      );
      await this.audit.record(
        [
          {
            subject: 'bid',
            subjectId: bidId,
            demandId: bid.demandId,
            action: 'score',
            actor: caller,
            detail: scores,
            at,
          },
        ],
        manager,
      );
      return bid.demandId;
    });
    return this.shortlist(demandId, caller, 50);
  }

  async shortlist(demandId: string, caller: Principal, limit: number): Promise<ShortlistView> {
    const listing = await this.visibleNeed(demandId, caller, 'list_all');
    const [bids, scores, weights] = await Promise.all([
      this.bids.lodged(demandId),
      this.evaluation.scoresOfDemand(demandId),
      this.evaluation.weights(demandId),
    ]);
    const byId = new Map(bids.map((bid) => [bid.id, bid]));
    const names = await this.listings.organisationNames([...new Set(bids.map((b) => b.teamOrganisationId))]);
    const ranked = rankBids(
      bids.map((bid) => bid.id),
      scores,
      weights,
    ).slice(0, limit);
    return {
      demandId: listing.demandId,
      weights,
      entries: ranked.map((entry) => {
        const bid = byId.get(entry.bidId)!;
        return {
          ...entry,
          teamOrganisationId: bid.teamOrganisationId,
          teamName: names.get(bid.teamOrganisationId) ?? null,
          budget: bid.budget,
          durationMonths: bid.durationMonths,
        };
      }),
    };
  }

  private async visibleNeed(
    demandId: string,
    caller: Principal,
    action: 'set_weights' | 'assign_reviewer' | 'list_all',
    manager?: EntityManager,
  ): Promise<Listing> {
    const listing = await this.listings.find(demandId, manager);
    if (!listing) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    const relation = relationToNeed(caller, await this.parties.of(listing, manager));
    if (!mayOnBid(relation, 'list_all')) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    if (!mayOnBid(relation, action)) throw matchingError('REVIEW_FORBIDDEN', 'You may not do this on this need.');
    return listing;
  }
}

function toReviewerView({ organisationId: _organisation, assignedAt, ...row }: Reviewer): ReviewerView {
  return { ...row, assignedAt: assignedAt.toISOString() };
}
