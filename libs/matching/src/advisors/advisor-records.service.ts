import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { EventBus, type FieldError, type Page, pageOf, platformError, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { PartiesRepository } from '../access/parties.repository';
import { AuditRepository } from '../audit/audit.repository';
import { ListingRepository } from '../listings/listing.repository';
import type { Actor } from '../common/actor';
import { matchingError } from '../matching.errors';
import {
  type ConversionDto,
  type ConversionView,
  type MatchmakingDto,
  type MatchmakingView,
  type RecordQuery,
  toConversionView,
  toMatchmakingView,
} from './advisor-records.dto';
import { recordsXlsx } from './advisor-records-export';
import { AdvisorRecordsRepository, type RecordFilter, type RecordNames } from './advisor-records.repository';

/** Advisors' records: every matchmaking (对接) and every conversion (成果转化). Advisors see their own; admin all. */
/** More records than an advisor keeps in years; a larger export is a database job, not a download. */
const EXPORT_LIMIT = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Injectable()
export class AdvisorRecordsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly records: AdvisorRecordsRepository,
    private readonly listings: ListingRepository,
    private readonly parties: PartiesRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async recordMatchmaking(input: MatchmakingDto, actor: Actor): Promise<MatchmakingView> {
    const errors: FieldError[] = [];
    if (!input.demandId && !input.achievementId) {
      errors.push({ field: 'demandId', message: 'name the need or the achievement that was matched' });
    }
    if (!input.teamOrganisationId && !input.achievementId) {
      errors.push({ field: 'teamOrganisationId', message: 'name the team or the achievement that was matched' });
    }
    if (errors.length > 0) throw platformError('VALIDATION_FAILED', 'A matchmaking needs both sides.', { errors });
    const id = await this.transactions.run(async (manager) => {
      await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager, actor.at);
      refuseFarFuture('occurredOn', input.occurredOn, at);
      const recordId = await this.records.insertMatchmaking(
        {
          advisorId: actor.principal.userId,
          demandId: input.demandId ?? null,
          teamOrganisationId: input.teamOrganisationId ?? null,
          achievementId: input.achievementId ?? null,
          kind: input.kind,
          occurredOn: input.occurredOn,
          notes: input.notes,
          outcome: input.outcome,
          createdAt: at,
        },
        manager,
      );
      await this.audit.record(
        [
          {
            subject: 'matchmaking',
            subjectId: recordId,
            demandId: input.demandId ?? null,
            action: 'record',
            actor: actor.principal,
            at,
          },
        ],
        manager,
      );
      return recordId;
    });
    const stored = (await this.records.findMatchmaking(id))!;
    return toMatchmakingView(stored, await this.namesOf([stored]));
  }

  async recordConversion(input: ConversionDto, actor: Actor): Promise<ConversionView> {
    if (!input.demandId && !input.bidId && !input.engagementId && !input.achievementId) {
      throw platformError('VALIDATION_FAILED', 'A conversion converts something.', {
        errors: [{ field: 'demandId', message: 'name the need, bid, engagement or achievement that was converted' }],
      });
    }
    const id = await this.transactions.run(async (manager) => {
      const demandId = await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager, actor.at);
      refuseFarFuture('signedOn', input.signedOn, at);
      const recordId = await this.records.insertConversion(
        {
          advisorId: actor.principal.userId,
          title: input.title,
          kind: input.kind,
          contractValue: input.contractValue,
          signedOn: input.signedOn,
          demandId,
          bidId: input.bidId ?? null,
          engagementId: input.engagementId ?? null,
          achievementId: input.achievementId ?? null,
          parties: input.parties,
          evidenceRef: input.evidenceRef,
          createdAt: at,
        },
        manager,
      );
      await this.audit.record(
        [
          {
            subject: 'conversion',
            subjectId: recordId,
            demandId,
            action: 'record',
            actor: actor.principal,
            detail: { kind: input.kind, contractValue: input.contractValue },
            at,
          },
        ],
        manager,
      );
      await this.events.publish(
        manager,
        EventBus.envelope('matching.conversion_recorded', recordId, 1, {
          conversionId: recordId,
          advisorId: actor.principal.userId,
          demandId,
          kind: input.kind,
          contractValue: input.contractValue,
        }),
      );
      return recordId;
    });
    const stored = (await this.records.findConversion(id))!;
    return toConversionView(stored, await this.namesOf([stored]));
  }

  async matchmakings(query: RecordQuery, caller: Principal): Promise<Page<MatchmakingView>> {
    const [items, total] = await this.records.matchmakings(this.scope(query, caller), query);
    const names = await this.namesOf(items);
    return pageOf(
      items.map((item) => toMatchmakingView(item, names)),
      total,
      query,
    );
  }

  async conversions(query: RecordQuery, caller: Principal): Promise<Page<ConversionView>> {
    const [items, total] = await this.records.conversions(this.scope(query, caller), query);
    const names = await this.namesOf(items);
    return pageOf(
      items.map((item) => toConversionView(item, names)),
      total,
      query,
    );
  }

  /** Every record of the query (its page ignored) as a workbook, up to a generous cap. */
  async export(
    query: RecordQuery,
    caller: Principal,
  ): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const filter = this.scope(query, caller);
    const all = { offset: 0, pageSize: EXPORT_LIMIT };
    const [[matchmakings], [conversions]] = await Promise.all([
      this.records.matchmakings(filter, all),
      this.records.conversions(filter, all),
    ]);
    const names = await this.namesOf([...matchmakings, ...conversions]);
    const body = await recordsXlsx(
      matchmakings.map((item) => toMatchmakingView(item, names)),
      conversions.map((item) => toConversionView(item, names)),
    );
    return { body, contentType: XLSX, filename: `对接与转化记录_${query.from ?? '开始'}_${query.to ?? '至今'}.xlsx` };
  }

  /** What a page of records points at, named, so a list needs no lookups of its own. */
  private namesOf(
    records: Array<{ demandId: string | null; achievementId: string | null; teamOrganisationId?: string | null }>,
  ): Promise<RecordNames> {
    const ids = (pick: (record: (typeof records)[number]) => string | null | undefined) => [
      ...new Set(records.map(pick).filter((id): id is string => Boolean(id))),
    ];
    return this.records.names({
      demandIds: ids((record) => record.demandId),
      teamIds: ids((record) => record.teamOrganisationId),
      achievementIds: ids((record) => record.achievementId),
    });
  }

  /** A conversion the caller may read (and so its evidence): the recording advisor's, or any for admin. */
  async readableConversion(id: string, caller: Principal): Promise<void> {
    const conversion = await this.records.findConversion(id);
    if (!conversion || (caller.role !== 'admin' && conversion.advisorId !== caller.userId)) {
      throw matchingError('CONVERSION_NOT_FOUND', 'No such conversion.');
    }
  }

  /** Locks a conversion whose evidence the caller may change: only the advisor who recorded it. */
  async lockForEvidence(id: string, caller: Principal, manager: EntityManager): Promise<void> {
    const conversion = await this.records.lockConversion(id, manager);
    if (!conversion || (caller.role !== 'admin' && conversion.advisorId !== caller.userId)) {
      throw matchingError('CONVERSION_NOT_FOUND', 'No such conversion.');
    }
    if (conversion.advisorId !== caller.userId) {
      throw matchingError('RECORD_FORBIDDEN', 'Only the advisor who recorded a conversion changes its evidence.');
    }
  }

  /** An advisor sees their own portfolio whatever they ask for; admin may pick an advisor. */
  private scope(query: RecordQuery, caller: Principal): RecordFilter {
    if (caller.role === 'advisor' && query.advisorId && query.advisorId !== caller.userId) {
      throw matchingError('RECORD_FORBIDDEN', 'Advisors see their own records only.');
    }
    return {
      advisorId: caller.role === 'advisor' ? caller.userId : query.advisorId,
      demandId: query.demandId,
      from: query.from,
      to: query.to,
    };
  }

  /**
   * Every reference must exist and agree with the others (a bid of that need, an engagement of
   * that bid); returns the need the record is about, derived when only a bid or engagement is given.
   */
  private async checkReferences(
    input: {
      demandId?: string;
      teamOrganisationId?: string;
      achievementId?: string;
      bidId?: string;
      engagementId?: string;
    },
    advisor: Principal,
    manager: EntityManager,
  ): Promise<string | null> {
    const found = await this.records.references(input, manager);
    const errors: FieldError[] = [];
    if (input.demandId && !found.demand) errors.push({ field: 'demandId', message: 'no such need' });
    if (input.teamOrganisationId && !found.team)
      errors.push({ field: 'teamOrganisationId', message: 'no such organisation' });
    if (input.achievementId && !found.achievement)
      errors.push({ field: 'achievementId', message: 'no such achievement' });
    if (input.bidId && !found.bid) errors.push({ field: 'bidId', message: 'no such bid' });
    if (input.engagementId && !found.engagement) errors.push({ field: 'engagementId', message: 'no such engagement' });
    const demandId = input.demandId ?? found.bid?.demandId ?? found.engagement?.demandId ?? null;
    if (found.bid && found.bid.demandId !== demandId)
      errors.push({ field: 'bidId', message: 'not a bid on this need' });
    if (found.engagement && found.engagement.demandId !== demandId) {
      errors.push({ field: 'engagementId', message: 'not an engagement of this need' });
    }
    if (found.engagement && input.bidId && found.engagement.bidId !== input.bidId) {
      errors.push({ field: 'engagementId', message: 'not the engagement of this bid' });
    }
    if (errors.length > 0)
      throw matchingError('REFERENCE_NOT_FOUND', 'The record points at something that does not exist.', { errors });
    // An advisor records work on the needs of the enterprises they serve; achievements are anyone's to broker.
    if (demandId) {
      const listing = (await this.listings.find(demandId, manager))!;
      if (!(await this.parties.servedBy(advisor.userId, manager)).includes(listing.ownerOrganisationId)) {
        throw matchingError('RECORD_FORBIDDEN', 'You record work only on needs of the enterprises you serve.', {
          errors: [{ field: 'demandId', message: 'not a need of an enterprise you serve' }],
        });
      }
    }
    return demandId;
  }
}

/** A record dated more than a year ahead of the database's today is a typo, not a plan. */
function refuseFarFuture(field: string, day: string, now: Date): void {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (day > limit.toISOString().slice(0, 10)) {
    throw platformError('VALIDATION_FAILED', 'The record has invalid fields.', {
      errors: [{ field, message: `${field} must not be later than ${limit.toISOString().slice(0, 10)}` }],
    });
  }
}
