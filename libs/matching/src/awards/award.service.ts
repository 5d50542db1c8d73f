import { Injectable } from '@nestjs/common';
import { demandTargetOf } from '@jiebang/contracts';
import { EventBus, type FieldError, Transactions } from '@jiebang/platform';
import { mayOnBid, relationToNeed } from '../access/parties';
import { PartiesRepository } from '../access/parties.repository';
import { AuditRepository } from '../audit/audit.repository';
import { BidRepository } from '../bids/bid.repository';
import type { Actor } from '../common/actor';
import { EngagementRepository } from '../engagements/engagement.repository';
import { ListingRepository } from '../listings/listing.repository';
import { matchingError } from '../matching.errors';
import type { AwardDto, AwardView } from './award.dto';
import { AwardRepository } from './award.repository';

/**
 * The award (挂帅): the owner picks exactly the allowed number of winners, every other bid gets
 * feedback, and an engagement opens per winner — one decision per need, enforced by the award
 * table's primary key under a lock on the need.
 */
@Injectable()
export class AwardService {
  constructor(
    private readonly transactions: Transactions,
    private readonly awards: AwardRepository,
    private readonly listings: ListingRepository,
    private readonly bids: BidRepository,
    private readonly engagements: EngagementRepository,
    private readonly parties: PartiesRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async award(demandId: string, input: AwardDto, actor: Actor): Promise<AwardView> {
    const caller = actor.principal;
    return this.transactions.run(async (manager) => {
      const listing = await this.listings.lock(demandId, manager);
      if (!listing) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
      const relation = relationToNeed(caller, await this.parties.of(listing, manager));
      if (!mayOnBid(relation, 'list_all')) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
      if (!mayOnBid(relation, 'award'))
        throw matchingError('AWARD_FORBIDDEN', 'Only the owner or the office may award.');
      if (await this.awards.decided(demandId, manager)) {
        throw matchingError('AWARD_ALREADY_DECIDED', 'This need has already been awarded.');
      }
      // Awardable while bidding runs or after it closed, even after 流榜 (the lifecycle's `award`).
      if (!demandTargetOf('award', listing.status)) {
        throw matchingError('AWARD_NOT_OPEN', `A need that is ${listing.status} cannot be awarded.`, {
          extensions: { currentStatus: listing.status },
        });
      }
      const submitted = await this.bids.lockSubmitted(demandId, manager);
      const winners = this.checkWinners(
        input.winnerBidIds,
        submitted.map((b) => b.id),
        listing.awardLeads,
      );
      const losers = submitted.filter((bid) => !winners.includes(bid.id));
      this.checkFeedback(
        input,
        losers.map((b) => b.id),
      );

      const at = await this.transactions.clock(manager);
      const recorded = await this.awards.record(
        { demandId, winners: winners.length, decidedBy: caller.userId, decidedAt: at },
        manager,
      );
      if (!recorded) throw matchingError('AWARD_ALREADY_DECIDED', 'This need has already been awarded.');
      const engagementIds: string[] = [];
      for (const bid of submitted.filter((b) => winners.includes(b.id))) {
        await this.bids.update(bid.id, { status: 'awarded', decidedAt: at }, at, manager);
        engagementIds.push(
          await this.engagements.open(
            {
              demandId,
              bidId: bid.id,
              teamOrganisationId: bid.teamOrganisationId,
              ownerOrganisationId: listing.ownerOrganisationId,
              createdAt: at,
            },
            bid.milestones,
            manager,
          ),
        );
      }
      const feedback = new Map(input.feedback.map((f) => [f.bidId, f]));
      for (const bid of losers) {
        const { category, text } = feedback.get(bid.id)!;
        await this.bids.update(
          bid.id,
          { status: 'not_selected', decidedAt: at, feedbackCategory: category, feedbackText: text },
          at,
          manager,
        );
      }
      await this.audit.record(
        [
          {
            subject: 'award',
            subjectId: demandId,
            demandId,
            action: 'award',
            actor: caller,
            detail: { winners, notSelected: losers.map((b) => b.id) },
            at,
          },
        ],
        manager,
      );
      await this.events.publish(
        manager,
        EventBus.envelope('matching.awarded', demandId, 1, {
          demandId,
          winners: submitted
            .filter((b) => winners.includes(b.id))
            .map((b) => ({ bidId: b.id, teamOrganisationId: b.teamOrganisationId })),
          losers: losers.map((b) => ({
            bidId: b.id,
            teamOrganisationId: b.teamOrganisationId,
            feedbackCategory: feedback.get(b.id)!.category,
          })),
        }),
      );
      return {
        demandId,
        decidedAt: at.toISOString(),
        winnerBidIds: winners,
        engagementIds,
        notSelectedBidIds: losers.map((b) => b.id),
      };
    });
  }

  /** Exactly as many winners as the policy allows — or every submitted bid when there are fewer. */
  private checkWinners(requested: string[], submitted: string[], leads: number): string[] {
    const errors: FieldError[] = [];
    requested.forEach((id, index) => {
      if (!submitted.includes(id)) {
        errors.push({ field: `winnerBidIds[${index}]`, message: 'not a submitted bid on this need' });
      }
    });
    const expected = Math.min(leads, submitted.length);
    if (expected === 0) errors.push({ field: 'winnerBidIds', message: 'the need has no submitted bid to award' });
    else if (requested.length !== expected) {
      errors.push({
        field: 'winnerBidIds',
        message: `choose exactly ${expected} winner(s); ${requested.length} given`,
      });
    }
    if (errors.length > 0) {
      throw matchingError('AWARD_WINNERS_INVALID', 'The winners do not match the award policy.', {
        errors,
        extensions: { awardLeads: leads, submittedBids: submitted.length },
      });
    }
    return requested;
  }

  private checkFeedback(input: AwardDto, losers: string[]): void {
    const given = input.feedback.map((f) => f.bidId);
    const errors: FieldError[] = [
      ...losers
        .filter((id) => !given.includes(id))
        .map((id) => ({ field: 'feedback', message: `no feedback for losing bid ${id}` })),
      ...given.flatMap((id, index) =>
        losers.includes(id) && given.indexOf(id) === index
          ? []
          : [{ field: `feedback[${index}].bidId`, message: 'not a losing bid of this need, or given twice' }],
      ),
    ];
    if (errors.length > 0) {
      throw matchingError('AWARD_FEEDBACK_MISSING', 'Every losing bid needs feedback its team can read.', { errors });
    }
  }
}
