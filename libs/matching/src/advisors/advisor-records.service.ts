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
import type { ConversionFields, MatchmakingFields } from './advisor-records.entity';
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
    requireBothSides(input);
    const id = await this.transactions.run(async (manager) => {
      await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager);
      refuseFarFuture('occurredOn', input.occurredOn, at);
      const fields = matchmakingFields(input);
      const recordId = await this.records.insertMatchmaking(
        { ...fields, advisorId: actor.principal.userId, createdAt: at },
        manager,
      );
      await this.audit.record(
        [
          {
            subject: 'matchmaking',
            subjectId: recordId,
            demandId: fields.demandId,
            action: 'record',
            actor: actor.principal,
            at,
          },
        ],
        manager,
      );
      return recordId;
    });
    return this.matchmakingView(id);
  }

  /** The recording advisor corrects a matchmaking: the same checks as recording it, against the version read. */
  async editMatchmaking(id: string, input: MatchmakingDto, version: number, actor: Actor): Promise<MatchmakingView> {
    requireBothSides(input);
    await this.transactions.run(async (manager) => {
      const record = await this.records.lockMatchmaking(id, manager);
      if (!record || !this.mayRead(record, actor.principal)) {
        throw matchingError('MATCHMAKING_NOT_FOUND', 'No such matchmaking.');
      }
      this.refuseEdit(record, actor.principal, version);
      await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager);
      refuseFarFuture('occurredOn', input.occurredOn, at);
      const fields = matchmakingFields(input);
      await this.records.updateMatchmaking(id, fields, at, manager);
      await this.audit.record(
        [
          {
            subject: 'matchmaking',
            subjectId: id,
            demandId: fields.demandId ?? record.demandId,
            action: 'edit',
            actor: actor.principal,
            detail: changes(record, fields),
            at,
          },
        ],
        manager,
      );
    });
    return this.matchmakingView(id);
  }

  async recordConversion(input: ConversionDto, actor: Actor): Promise<ConversionView> {
    requireSubject(input);
    const id = await this.transactions.run(async (manager) => {
      const demandId = await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager);
      refuseFarFuture('signedOn', input.signedOn, at);
      const recordId = await this.records.insertConversion(
        { ...conversionFields(input, demandId), advisorId: actor.principal.userId, createdAt: at },
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
    return this.conversionView(id);
  }

  /**
   * The recording advisor corrects a conversion. The programme's figures are computed from the
   * records, so they follow; the owner was told of the conversion once and is not told again.
   */
  async editConversion(id: string, input: ConversionDto, version: number, actor: Actor): Promise<ConversionView> {
    requireSubject(input);
    await this.transactions.run(async (manager) => {
      const record = await this.records.lockConversion(id, manager);
      if (!record || !this.mayRead(record, actor.principal)) {
        throw matchingError('CONVERSION_NOT_FOUND', 'No such conversion.');
      }
      this.refuseEdit(record, actor.principal, version);
      const demandId = await this.checkReferences(input, actor.principal, manager);
      const at = await this.transactions.clock(manager);
      refuseFarFuture('signedOn', input.signedOn, at);
      const fields = conversionFields(input, demandId);
      await this.records.updateConversion(id, fields, at, manager);
      await this.audit.record(
        [
          {
            subject: 'conversion',
            subjectId: id,
            demandId: demandId ?? record.demandId,
            action: 'edit',
            actor: actor.principal,
            detail: changes(record, fields),
            at,
          },
        ],
        manager,
      );
    });
    return this.conversionView(id);
  }

  private async matchmakingView(id: string): Promise<MatchmakingView> {
    const stored = (await this.records.findMatchmaking(id))!;
    return toMatchmakingView(stored, await this.namesOf([stored]));
  }

  private async conversionView(id: string): Promise<ConversionView> {
    const stored = (await this.records.findConversion(id))!;
    return toConversionView(stored, await this.namesOf([stored]));
  }

  private mayRead(record: { advisorId: string }, caller: Principal): boolean {
    return caller.role === 'admin' || record.advisorId === caller.userId;
  }

  /** Only the advisor who recorded it corrects a record, from the version they last read. */
  private refuseEdit(record: { advisorId: string; version: number }, caller: Principal, version: number): void {
    if (record.advisorId !== caller.userId) {
      throw matchingError('RECORD_FORBIDDEN', 'Only the advisor who made a record corrects it.');
    }
    if (record.version !== version) {
      throw matchingError(
        'RECORD_VERSION_MISMATCH',
        `The record changed since you read it (now version ${record.version}).`,
        {
          extensions: { currentVersion: record.version },
        },
      );
    }
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
    if (!conversion || !this.mayRead(conversion, caller)) {
      throw matchingError('CONVERSION_NOT_FOUND', 'No such conversion.');
    }
  }

  /** Locks a conversion whose evidence the caller may change: only the advisor who recorded it. */
  async lockForEvidence(id: string, caller: Principal, manager: EntityManager): Promise<void> {
    const conversion = await this.records.lockConversion(id, manager);
    if (!conversion || !this.mayRead(conversion, caller)) {
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

/** A matchmaking brings two sides together: a need and a team, or an achievement standing for either. */
function requireBothSides(input: MatchmakingDto): void {
  const errors: FieldError[] = [];
  if (!input.demandId && !input.achievementId) {
    errors.push({ field: 'demandId', message: 'name the need or the achievement that was matched' });
  }
  if (!input.teamOrganisationId && !input.achievementId) {
    errors.push({ field: 'teamOrganisationId', message: 'name the team or the achievement that was matched' });
  }
  if (errors.length > 0) throw platformError('VALIDATION_FAILED', 'A matchmaking needs both sides.', { errors });
}

function requireSubject(input: ConversionDto): void {
  if (!input.demandId && !input.bidId && !input.engagementId && !input.achievementId) {
    throw platformError('VALIDATION_FAILED', 'A conversion converts something.', {
      errors: [{ field: 'demandId', message: 'name the need, bid, engagement or achievement that was converted' }],
    });
  }
}

function matchmakingFields(input: MatchmakingDto): MatchmakingFields {
  return {
    demandId: input.demandId ?? null,
    teamOrganisationId: input.teamOrganisationId ?? null,
    achievementId: input.achievementId ?? null,
    kind: input.kind,
    occurredOn: input.occurredOn,
    notes: input.notes,
    outcome: input.outcome,
  };
}

function conversionFields(input: ConversionDto, demandId: string | null): ConversionFields {
  return {
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
  };
}

/** The fields an edit changed, each as [before, after], for the audit trail. */
function changes<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous: unknown = before[key as keyof T];
    if (previous !== value) changed[key] = [previous, value];
  }
  return changed;
}
