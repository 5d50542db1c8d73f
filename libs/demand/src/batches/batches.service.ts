import { Injectable } from '@nestjs/common';
import { demandTargetOf, PUBLIC_DEMAND_STATUSES, type Principal } from '@jiebang/contracts';
import { EventBus, type FieldError, type Page, pageOf, Transactions } from '@jiebang/platform';
import { TransitionRepository } from '../audit/transition.repository';
import { demandError } from '../demand.errors';
import { eventFor } from '../demands/demand-events';
import { DemandRepository } from '../demands/demand.repository';
import type { UserActor } from '../demands/demands.service';
import { batchDetailJson, type BatchQuery, type BatchView, type CreateBatchDto, toBatchView } from './batch.dto';
import type { Batch } from './batch.entity';
import { BatchRepository } from './batch.repository';

@Injectable()
export class BatchesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly batches: BatchRepository,
    private readonly demands: DemandRepository,
    private readonly transitions: TransitionRepository,
    private readonly events: EventBus,
  ) {}

  async create(input: CreateBatchDto, actor: UserActor): Promise<BatchView> {
    const batch = await this.transactions.run((manager) =>
      this.batches.insert(
        {
          title: input.title,
          releaseDate: input.releaseDate.slice(0, 10),
          venue: input.venue,
          defaultBidDeadline: new Date(input.defaultBidDeadline),
          createdBy: actor.principal.userId,
        },
        manager,
      ),
    );
    return toBatchView(batch, 0);
  }

  async list(query: BatchQuery, caller: Principal | undefined): Promise<Page<BatchView>> {
    const [rows, total] = await this.batches.list(caller?.role !== 'admin', {
      offset: query.offset,
      pageSize: query.pageSize,
    });
    return pageOf(
      rows.map(({ batch, count }) => toBatchView(batch, count)),
      total,
      query,
    );
  }

  /** How many batches exist in any status (the demo generator seeds only an empty programme). */
  count(): Promise<number> {
    return this.batches.count();
  }

  /**
   * A `BatchDetailView` as JSON text: PostgreSQL writes the needs' public views, as for the public
   * list (a batch page lists up to 1,000 needs, each never turned into an object here).
   */
  async get(id: string, caller: Principal | undefined): Promise<string> {
    const batch = await this.visible(id, caller);
    // Outside the office, a need withdrawn after publication no longer appears in its batch.
    const statuses = caller?.role === 'admin' ? undefined : PUBLIC_DEMAND_STATUSES;
    const { items, total } = await this.demands.searchPublicJson(
      { batchId: id, statuses },
      { offset: 0, pageSize: 1000, sort: 'newest' },
    );
    return batchDetailJson(toBatchView(batch, total), items);
  }

  /** Adds approved needs to a draft batch; every need that cannot join is named. */
  async addDemands(id: string, demandIds: string[]): Promise<BatchView> {
    return this.transactions.run(async (manager) => {
      const batch = await this.lockDraft(id, manager);
      const found = await this.demands.lockMany(demandIds, manager);
      const errors: FieldError[] = demandIds.flatMap((demandId, index): FieldError[] => {
        const demand = found.find((d) => d.id === demandId);
        if (!demand) return [{ field: `demandIds.${index}`, message: 'no such need' }];
        if (!demandTargetOf('publish', demand.status))
          return [{ field: `demandIds.${index}`, message: `is ${demand.status}, not approved` }];
        if (demand.batchId && demand.batchId !== id)
          return [{ field: `demandIds.${index}`, message: 'already in another batch' }];
        return [];
      });
      if (errors.length > 0)
        throw demandError('BATCH_DEMAND_NOT_APPROVED', 'Only approved needs outside other batches can join.', {
          errors,
        });
      await this.demands.setBatch(demandIds, id, await this.transactions.clock(manager), manager);
      return toBatchView(batch, await this.batches.countNeeds(id, manager));
    });
  }

  async removeDemand(id: string, demandId: string): Promise<BatchView> {
    return this.transactions.run(async (manager) => {
      const batch = await this.lockDraft(id, manager);
      const [demand] = await this.demands.lockMany([demandId], manager);
      if (demand?.batchId !== id) throw demandError('DEMAND_NOT_FOUND', 'That need is not in this batch.');
      await this.demands.setBatch([demandId], null, await this.transactions.clock(manager), manager);
      return toBatchView(batch, await this.batches.countNeeds(id, manager));
    });
  }

  /**
   * Publishes every need of the batch at once: all become `published` with one event each, or —
   * if any cannot (withdrawn meanwhile, deadline already past) — nothing changes.
   */
  async publish(id: string, actor: UserActor): Promise<BatchView> {
    return this.transactions.run(async (manager) => {
      const batch = await this.lockDraft(id, manager);
      const at = await this.transactions.clock(manager);
      const members = await this.demands.lockBatch(id, manager);
      if (members.length === 0) throw demandError('BATCH_EMPTY', 'Add approved needs before publishing the batch.');
      const errors = members.flatMap((demand): FieldError[] => {
        if (!demandTargetOf('publish', demand.status))
          return [{ field: demand.id, message: `${demand.code ?? demand.title} is ${demand.status}, not approved` }];
        const deadline = demand.bidDeadline ?? batch.defaultBidDeadline;
        if (deadline <= at)
          return [
            {
              field: demand.id,
              message: `${demand.code ?? demand.title}: bid deadline ${deadline.toISOString()} has passed`,
            },
          ];
        return [];
      });
      if (errors.length > 0) {
        const code = errors.some((e) => e.message.includes('deadline'))
          ? 'BATCH_DEADLINE_PASSED'
          : 'BATCH_DEMAND_NOT_APPROVED';
        throw demandError(code, 'The batch cannot be published; nothing was changed.', { errors });
      }
      const published = await this.demands.publishBatch(id, batch.defaultBidDeadline, at, manager);
      const before = new Map(members.map((demand) => [demand.id, demand.status]));
      await this.transitions.record(
        published.map((demand) => ({
          demandId: demand.id,
          action: 'publish',
          from: before.get(demand.id)!,
          to: demand.status,
          actor: actor.principal,
          at,
        })),
        manager,
      );
      await this.events.publishMany(
        manager,
        published.map((demand) => eventFor(demand, before.get(demand.id)!)),
      );
      await this.batches.markPublished(id, at, manager);
      return toBatchView({ ...batch, status: 'published', publishedAt: at }, published.length);
    });
  }

  /** A published batch is public; a draft one exists only for admin. */
  async visible(id: string, caller: Principal | undefined): Promise<Batch> {
    const batch = await this.batches.find(id);
    if (!batch || (batch.status !== 'published' && caller?.role !== 'admin'))
      throw demandError('BATCH_NOT_FOUND', 'No such batch.');
    return batch;
  }

  private async lockDraft(id: string, manager: Parameters<BatchRepository['lock']>[1]): Promise<Batch> {
    const batch = await this.batches.lock(id, manager);
    if (!batch) throw demandError('BATCH_NOT_FOUND', 'No such batch.');
    if (batch.status === 'published')
      throw demandError('BATCH_ALREADY_PUBLISHED', 'This batch has been published and can no longer change.');
    return batch;
  }
}
