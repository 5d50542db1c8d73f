import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PUBLIC_DEMAND_STATUSES, type DemandStatus, type Principal } from '@jiebang/contracts';
import {
  Clock,
  EventBus,
  isCheckViolation,
  isUniqueViolation,
  memberOrganisation,
  type Page,
  pageOf,
  platformError,
  Transactions,
} from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { mayOnBid, relationToBid, relationToNeed } from '../access/parties';
import { PartiesRepository } from '../access/parties.repository';
import { AuditRepository } from '../audit/audit.repository';
import type { Actor } from '../common/actor';
import type { Listing } from '../listings/listing.entity';
import { type BidWindow, ListingRepository } from '../listings/listing.repository';
import { matchingError } from '../matching.errors';
import type { Bid } from './bid.entity';
import {
  type AuditEntryView,
  type BidCountView,
  type BidQuery,
  type BidView,
  type CreateBidDto,
  type ProposalDto,
  toBidView,
  type UpdateBidDto,
} from './bid.dto';
import { BidRepository } from './bid.repository';
import { proposalErrors } from './bid-rules';

const isPublic = (status: DemandStatus): boolean =>
  (PUBLIC_DEMAND_STATUSES as readonly DemandStatus[]).includes(status);

/** The event of a submitted bid, whichever way the bid was written. */
const bidSubmitted = (bidId: string, demandId: string, team: string) =>
  EventBus.envelope('matching.bid_submitted', bidId, 1, { bidId, demandId, teamOrganisationId: team });

/** Bids (揭榜申报): drafts, submission before the deadline, edits, withdrawal, and who may read them. */
@Injectable()
export class BidsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bids: BidRepository,
    private readonly listings: ListingRepository,
    private readonly parties: PartiesRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async create(demandId: string, input: CreateBidDto, actor: Actor): Promise<BidView> {
    const caller = actor.principal;
    const team = memberOrganisation(caller, 'team');
    const { submit = true, ...proposal } = input;
    // The common case in one round trip; anything it does not take (a closed need, an
    // inconsistent proposal, a replay) goes the checked way below, which names the reason.
    const quick =
      this.clock.replayed() === undefined ? await this.createAtOnce(demandId, proposal, submit, caller, team) : null;
    if (quick) return quick;
    // The view is built from what the transaction already holds: no reads after the commit.
    return this.transactions.run(async (manager) => {
      const window = await this.listings.lockForBid(demandId, team, manager);
      if (!window || !isPublic(window.listing.status)) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
      const { listing } = window;
      this.ensureIndependent(window, team);
      this.checkProposal(proposal, listing);
      const replayed = this.clock.replayed();
      const at = replayed ?? window.now;
      this.ensureOpen(window, at, replayed !== undefined);
      let bid: Bid;
      try {
        bid = await this.bids.insert(
          {
            ...proposal,
            demandId,
            teamOrganisationId: team,
            createdBy: caller.userId,
            status: submit ? 'submitted' : 'draft',
            feedbackCategory: null,
            feedbackText: null,
            createdAt: at,
            submittedAt: submit ? at : null,
            withdrawnAt: null,
            decidedAt: null,
            updatedAt: at,
          },
          manager,
        );
      } catch (error) {
        // The transaction is lost either way; the constraint's verdict becomes the answer.
        throw this.translate(error);
      }
      await this.audit.record(
        [{ subject: 'bid', subjectId: bid.id, demandId, action: submit ? 'submit' : 'draft', actor: caller, at }],
        manager,
      );
      if (submit) await this.announce(bid.id, demandId, team, manager);
      return toBidView(bid, { demandTitle: listing.title, demandStatus: listing.status, teamName: window.teamName });
    });
  }

  /**
   * The bid, its audit row and its event in one statement when the need is open to the team and
   * the proposal answers exactly its indicators; null when it is not, having written nothing.
   */
  private async createAtOnce(
    demandId: string,
    proposal: ProposalDto,
    submit: boolean,
    caller: Principal,
    team: string,
  ): Promise<BidView | null> {
    const answered = proposal.indicatorResponses.map((response) => response.indicator);
    // Consistent in itself (each indicator answered once, the milestones adding up), the proposal
    // fits the need when the need's indicators are the set answered, which the statement checks.
    if (proposalErrors(proposal, answered).length > 0) return null;
    const id = randomUUID();
    const action = submit ? 'submit' : 'draft';
    const events = submit ? [bidSubmitted(id, demandId, team)] : [];
    const stored = await this.bids
      .insertIfOpen(
        {
          ...proposal,
          id,
          demandId,
          teamOrganisationId: team,
          createdBy: caller.userId,
          status: submit ? 'submitted' : 'draft',
        },
        answered,
        (params, when) => [
          this.audit.recording([{ subject: 'bid', subjectId: id, demandId, action, actor: caller }], params, when),
          ...this.events.publication(events, params, when),
        ],
      )
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    if (!stored) return null;
    this.events.published(events);
    const { listing, teamName } = stored.window;
    return toBidView(stored.bid, { demandTitle: listing.title, demandStatus: listing.status, teamName });
  }

  async update(id: string, input: UpdateBidDto, expectedVersion: number, actor: Actor): Promise<BidView> {
    await this.transactions.run(async (manager) => {
      const { bid, window } = await this.lockOwn(id, actor.principal, manager);
      const { listing } = window;
      if (bid.status !== 'draft' && bid.status !== 'submitted') {
        throw matchingError('BID_NOT_EDITABLE', `A ${bid.status} bid cannot be edited.`, {
          extensions: { currentStatus: bid.status },
        });
      }
      if (bid.version !== expectedVersion) {
        throw matchingError('BID_VERSION_MISMATCH', `The bid changed since you read it (now version ${bid.version}).`, {
          extensions: { currentVersion: bid.version },
        });
      }
      this.checkProposal(input, listing);
      const replayed = this.clock.replayed();
      const at = replayed ?? window.now;
      this.ensureOpen(window, at, replayed !== undefined);
      await this.bids.update(id, { ...input }, at, manager);
      await this.audit.record(
        [{ subject: 'bid', subjectId: id, demandId: bid.demandId, action: 'edit', actor: actor.principal, at }],
        manager,
      );
    });
    return this.view((await this.bids.find(id))!);
  }

  async submit(id: string, actor: Actor): Promise<BidView> {
    await this.transactions.run(async (manager) => {
      const { bid, window } = await this.lockOwn(id, actor.principal, manager);
      if (bid.status !== 'draft') {
        throw matchingError('BID_NOT_EDITABLE', `Only a draft can be submitted; this bid is ${bid.status}.`, {
          extensions: { currentStatus: bid.status },
        });
      }
      const replayed = this.clock.replayed();
      const at = replayed ?? window.now;
      this.ensureOpen(window, at, replayed !== undefined);
      try {
        await this.bids.update(id, { status: 'submitted', submittedAt: at }, at, manager);
      } catch (error) {
        throw this.translate(error);
      }
      await this.audit.record(
        [{ subject: 'bid', subjectId: id, demandId: bid.demandId, action: 'submit', actor: actor.principal, at }],
        manager,
      );
      await this.announce(id, bid.demandId, bid.teamOrganisationId, manager);
    });
    return this.view((await this.bids.find(id))!);
  }

  /** Locks a bid whose files its team may still change: as for its content, a draft or submitted bid while bidding is open. */
  async lockEditable(id: string, caller: Principal, manager: EntityManager): Promise<Bid> {
    const { bid, window } = await this.lockOwn(id, caller, manager);
    if (bid.status !== 'draft' && bid.status !== 'submitted') {
      throw matchingError('BID_NOT_EDITABLE', `The files of a ${bid.status} bid cannot change.`, {
        extensions: { currentStatus: bid.status },
      });
    }
    this.ensureOpen(window, window.now, false);
    return bid;
  }

  /** A team may withdraw its bid until the award decision. */
  async withdraw(id: string, actor: Actor): Promise<BidView> {
    await this.transactions.run(async (manager) => {
      const { bid, window } = await this.lockOwn(id, actor.principal, manager);
      if (bid.status !== 'draft' && bid.status !== 'submitted') {
        throw matchingError('BID_NOT_EDITABLE', `A ${bid.status} bid cannot be withdrawn.`, {
          extensions: { currentStatus: bid.status },
        });
      }
      const at = this.clock.replayed() ?? window.now;
      await this.bids.update(id, { status: 'withdrawn', withdrawnAt: at }, at, manager);
      await this.audit.record(
        [{ subject: 'bid', subjectId: id, demandId: bid.demandId, action: 'withdraw', actor: actor.principal, at }],
        manager,
      );
      // A draft was never counted; a submitted bid leaves the need's count.
      if (bid.submittedAt !== null) {
        await this.events.publish(
          manager,
          EventBus.envelope('matching.bid_withdrawn', id, bid.version + 1, {
            bidId: id,
            demandId: bid.demandId,
            teamOrganisationId: bid.teamOrganisationId,
          }),
        );
      }
    });
    return this.view((await this.bids.find(id))!);
  }

  async get(id: string, caller: Principal): Promise<BidView> {
    const bid = await this.bids.find(id);
    if (!bid) throw this.notFound();
    const listing = (await this.listings.find(bid.demandId))!;
    const relation = relationToBid(caller, await this.parties.of(listing), bid);
    // The need's side never sees a bid that was never submitted (a draft, or a draft withdrawn).
    if (!mayOnBid(relation, 'read') || (relation !== 'team' && bid.submittedAt === null)) throw this.notFound();
    return this.view(bid);
  }

  /**
   * The need's side — reviewers too, whatever their role — sees every lodged bid, as it may read
   * each; a team sees its own bids on the need; anyone else, nothing.
   */
  async listForDemand(demandId: string, caller: Principal): Promise<BidView[]> {
    const listing = await this.listings.find(demandId);
    if (!listing) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    if (mayOnBid(relationToNeed(caller, await this.parties.of(listing)), 'list_all')) {
      return this.views(await this.bids.lodged(demandId));
    }
    if (caller.role !== 'team') throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    const own = await this.bids.ofTeamForDemand(demandId, caller.organisationId);
    if (own.length === 0 && !isPublic(listing.status)) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    return this.views(own);
  }

  /** Matching's audit trail of a need (bids, scores, award, milestones), for the need's side. */
  async history(demandId: string, caller: Principal): Promise<AuditEntryView[]> {
    const listing = await this.listings.find(demandId);
    if (!listing || !mayOnBid(relationToNeed(caller, await this.parties.of(listing)), 'list_all')) {
      throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    }
    const private_ = new Set(
      (await this.bids.ofDemand(demandId)).filter((bid) => bid.submittedAt === null).map((bid) => bid.id),
    );
    const entries = (await this.audit.forDemand(demandId)).filter((entry) => !private_.has(entry.subjectId));
    return entries.map((entry) => ({
      subject: entry.subject,
      subjectId: entry.subjectId,
      action: entry.action,
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      detail: entry.detail,
      at: entry.at.toISOString(),
    }));
  }

  async mine(query: BidQuery, caller: Principal): Promise<Page<BidView>> {
    const [bids, total] = await this.bids.ofTeam(memberOrganisation(caller, 'team'), { status: query.status }, query);
    return pageOf(await this.views(bids), total, query);
  }

  /** How many bids a published need has, not whose. */
  async count(demandId: string): Promise<BidCountView> {
    const [count] = await this.counts([demandId]);
    if (!count) throw matchingError('DEMAND_NOT_FOUND', 'No such need.');
    return count;
  }

  /** How many bids each of several published needs has; needs not public are left out, as `count` hides them. */
  async counts(demandIds: readonly string[]): Promise<BidCountView[]> {
    const unique = [...new Set(demandIds)];
    const [visible, counts] = await Promise.all([
      this.listings.publicAmong(unique),
      this.bids.countLodgedAmong(unique),
    ]);
    return unique.filter((id) => visible.has(id)).map((demandId) => ({ demandId, bids: counts.get(demandId) ?? 0 }));
  }

  /**
   * Bidding is open while the need is published, before its deadline (by `at`) and undecided. A
   * replayed history asks whether it was open then, whatever the need's status is now.
   */
  private ensureOpen({ listing, decided }: BidWindow, at: Date, replay: boolean): void {
    if (listing.bidDeadline && listing.bidDeadline <= at) {
      throw matchingError(
        'BID_DEADLINE_PASSED',
        `Bidding on this need closed at ${listing.bidDeadline.toISOString()}.`,
        {
          extensions: { bidDeadline: listing.bidDeadline.toISOString() },
        },
      );
    }
    const open = replay
      ? listing.status !== 'withdrawn' && listing.publishedAt !== null && listing.publishedAt <= at
      : listing.status === 'published';
    if (!open || decided) {
      throw matchingError('BID_NOT_OPEN', `This need is not open for bids (${listing.status}).`, {
        extensions: { currentStatus: listing.status },
      });
    }
  }

  /** An organisation may not bid on its own need, nor on one a member of it reviews. */
  private ensureIndependent({ listing, reviewing }: BidWindow, organisationId: string): void {
    if (listing.ownerOrganisationId === organisationId) {
      throw matchingError('CONFLICT_OF_INTEREST', 'An organisation cannot bid on its own need.');
    }
    if (reviewing) {
      throw matchingError('CONFLICT_OF_INTEREST', 'A member of your organisation reviews the bids on this need.');
    }
  }

  private checkProposal(proposal: Partial<ProposalDto>, listing: Listing): void {
    const errors = proposalErrors(proposal, listing.indicatorNames);
    if (errors.length > 0)
      throw platformError('VALIDATION_FAILED', 'The proposal has inconsistent fields.', { errors });
  }

  /** Locks a bid of the caller's team, with its need share-locked; other callers learn nothing. */
  private async lockOwn(
    id: string,
    caller: Principal,
    manager: EntityManager,
  ): Promise<{ bid: Bid; window: BidWindow }> {
    const found = await this.bids.find(id, manager);
    if (!found) throw this.notFound();
    const window = (await this.listings.lockForBid(found.demandId, found.teamOrganisationId, manager))!;
    const { listing } = window;
    const bid = (await this.bids.lock(id, manager))!;
    if (caller.role !== 'team' || caller.organisationId !== bid.teamOrganisationId) {
      const relation = relationToBid(caller, await this.parties.of(listing, manager), bid);
      if (!mayOnBid(relation, 'read') || bid.submittedAt === null) throw this.notFound();
      throw matchingError('BID_FORBIDDEN', 'Only the bidding team may change its bid.');
    }
    return { bid, window };
  }

  private async announce(bidId: string, demandId: string, team: string, manager: EntityManager): Promise<void> {
    await this.events.publish(manager, bidSubmitted(bidId, demandId, team));
  }

  private translate(error: unknown): unknown {
    if (isUniqueViolation(error, 'bid_one_active_key')) {
      return matchingError(
        'BID_ALREADY_ACTIVE',
        'Your team already has an active bid on this need; edit or withdraw it.',
      );
    }
    if (isCheckViolation(error, 'bid_before_deadline')) {
      return matchingError('BID_DEADLINE_PASSED', 'Bidding on this need has closed.');
    }
    if (isCheckViolation(error, 'bid_before_award')) {
      return matchingError('BID_NOT_OPEN', 'This need has been awarded; it takes no more bids.', {
        extensions: { currentStatus: 'awarded' },
      });
    }
    return error;
  }

  private async view(bid: Bid): Promise<BidView> {
    return (await this.views([bid]))[0];
  }

  /** Views of many bids with their needs' titles and statuses and teams' names, in two lookups whatever their number. */
  private async views(bids: Bid[]): Promise<BidView[]> {
    const needs = await this.listings.headlines([...new Set(bids.map((b) => b.demandId))]);
    const names = await this.listings.organisationNames([...new Set(bids.map((b) => b.teamOrganisationId))]);
    return bids.map((bid) =>
      toBidView(bid, {
        demandTitle: needs.get(bid.demandId)?.title ?? null,
        demandStatus: needs.get(bid.demandId)?.status ?? null,
        teamName: names.get(bid.teamOrganisationId) ?? null,
      }),
    );
  }

  private notFound() {
    return matchingError('BID_NOT_FOUND', 'No such bid.');
  }
}
