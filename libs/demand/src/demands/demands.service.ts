import { Injectable } from '@nestjs/common';
import {
  DEMAND_STATUSES,
  type DemandAction,
  type DemandStatus,
  demandTargetOf,
  EDITABLE_DEMAND_STATUSES,
  PUBLIC_DEMAND_STATUSES,
  type Principal,
} from '@jiebang/contracts';
import { EventBus, FileStore, type Page, pageJson, pageOf, platformError, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { DEMAND_FILES } from '../attachments/demand-attachment.entity';
import { DemandAttachmentsRepository } from '../attachments/demand-attachments.repository';
import { TransitionRepository } from '../audit/transition.repository';
import { demandError } from '../demand.errors';
import { DirectoryRepository } from '../directory/directory.repository';
import {
  type CreateDemandDto,
  type DemandFullView,
  type DemandPublicView,
  type ManagedDemandCountQuery,
  type ManagedDemandCountsView,
  type ManagedDemandQuery,
  type PublicDemandQuery,
  toFullView,
  toPublicView,
  toTransitionView,
  type TransitionView,
  type UpdateDemandDto,
} from './demand.dto';
import type { Demand } from './demand.entity';
import { eventFor } from './demand-events';
import { may, relationTo, type Relation } from './demand-lifecycle';
import type { DemandRecord } from './demand.record';
import { type DemandFilter, DemandRepository } from './demand.repository';
import { consistencyErrors } from './demand-rules';

/** Who acts, and — for the demo generator replaying history — when. */
/** Who moves a need: a user, or the system (a job, another context's event) with no principal. */
export interface Actor {
  principal: Principal | null;
}

/** A move as it is recorded: who made it and when. */
export interface Move extends Actor {
  at: Date;
}

/** A user's action: only the lifecycle's moves are also made by the system. */
export interface UserActor extends Actor {
  principal: Principal;
}

export interface TransitionOptions {
  reason?: string | null;
  changes?: Partial<Demand>;
}

const isPublic = (status: DemandStatus): boolean =>
  (PUBLIC_DEMAND_STATUSES as readonly DemandStatus[]).includes(status);

@Injectable()
export class DemandsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly demands: DemandRepository,
    private readonly transitions: TransitionRepository,
    private readonly directory: DirectoryRepository,
    private readonly events: EventBus,
    private readonly attachments: DemandAttachmentsRepository,
    private readonly files: FileStore,
  ) {}

  async create(input: CreateDemandDto, actor: UserActor): Promise<DemandFullView> {
    const caller = actor.principal;
    const errors = consistencyErrors(input);
    if (errors.length > 0) throw platformError('VALIDATION_FAILED', 'The need has inconsistent fields.', { errors });
    const created = await this.transactions.run(async (manager) => {
      const owner = await this.ownerFor(caller, input.organisationId, manager);
      const at = await this.transactions.clock(manager);
      const { organisationId: _ignored, bidDeadline, ...fields } = input;
      const demand = await this.demands.insert(
        {
          ...fields,
          bidDeadline: bidDeadline ? new Date(bidDeadline) : null,
          confidentialDetails: fields.confidentialDetails ?? '',
          contactEmail: fields.contactEmail ?? null,
          ownerOrganisationId: owner,
          advisorId: caller.role === 'advisor' ? caller.userId : null,
          createdBy: caller.userId,
          status: 'draft',
          createdAt: at,
          updatedAt: at,
        },
        manager,
      );
      await this.transitions.record(
        [{ demandId: demand.id, action: 'create', from: null, to: 'draft', actor: caller, at }],
        manager,
      );
      return demand;
    });
    return toFullView(created);
  }

  /** Enterprises post for their own organisation; advisors for an enterprise they serve. */
  private async ownerFor(
    caller: Principal,
    organisationId: string | undefined,
    manager: EntityManager,
  ): Promise<string> {
    if (caller.role === 'enterprise') {
      if (organisationId && organisationId !== caller.organisationId) {
        throw demandError('DEMAND_FORBIDDEN', 'Enterprises post needs for their own organisation only.', {
          errors: [{ field: 'organisationId', message: 'not your organisation' }],
        });
      }
      return caller.organisationId;
    }
    if (!organisationId) {
      throw demandError('DEMAND_ORGANISATION_REQUIRED', 'Say which enterprise the need is for.', {
        errors: [{ field: 'organisationId', message: 'required for advisors' }],
      });
    }
    const served = await this.directory.servedBy(caller.userId, manager);
    if (!served.includes(organisationId)) {
      throw demandError('DEMAND_ORGANISATION_NOT_SERVED', 'You can draft needs only for the enterprises you serve.', {
        errors: [{ field: 'organisationId', message: 'not an enterprise you serve' }],
      });
    }
    return organisationId;
  }

  async update(id: string, input: UpdateDemandDto, expectedVersion: number, actor: UserActor): Promise<DemandFullView> {
    const caller = actor.principal;
    const updated = await this.transactions.run(async (manager) => {
      const demand = await this.lockVisible(id, caller, manager);
      const relation = await this.relation(caller, demand, manager);
      // Owners and advisors edit before review; the office may correct a published need.
      const allowed =
        (may(relation, 'edit') && EDITABLE_DEMAND_STATUSES.includes(demand.status)) ||
        (relation === 'admin' && [...EDITABLE_DEMAND_STATUSES, 'published'].includes(demand.status));
      if (!may(relation, 'edit') && relation !== 'admin')
        throw demandError('DEMAND_FORBIDDEN', 'You may not edit this need.');
      if (!allowed) {
        throw demandError('DEMAND_NOT_EDITABLE', `A need in status ${demand.status} cannot be edited.`, {
          extensions: { currentStatus: demand.status },
        });
      }
      if (demand.version !== expectedVersion) {
        throw demandError(
          'DEMAND_VERSION_MISMATCH',
          `The need changed since you read it (now version ${demand.version}); reload and retry.`,
          {
            extensions: { currentVersion: demand.version },
          },
        );
      }
      const { bidDeadline, ...fields } = input;
      const merged = { ...demand, ...fields };
      const errors = consistencyErrors(merged);
      if (errors.length > 0) throw platformError('VALIDATION_FAILED', 'The need has inconsistent fields.', { errors });
      const at = await this.transactions.clock(manager);
      const changes: Partial<Demand> = {
        ...fields,
        ...(bidDeadline !== undefined ? { bidDeadline: new Date(bidDeadline) } : {}),
      };
      const after = await this.demands.update(id, changes, at, manager);
      await this.transitions.record(
        [{ demandId: id, action: 'edit', from: demand.status, to: demand.status, actor: caller, at }],
        manager,
      );
      if (isPublic(demand.status)) await this.events.publish(manager, eventFor(after, null));
      return after;
    });
    return toFullView(updated);
  }

  /**
   * Deletes a draft that never left its owner, with its history and its files: the rows in one
   * transaction, the stored objects after it commits (or by the sweeper, should this process die).
   */
  async delete(id: string, actor: UserActor): Promise<void> {
    const caller = actor.principal;
    await this.files.detach(DEMAND_FILES, async (manager) => {
      const demand = await this.lockVisible(id, caller, manager);
      if (!may(await this.relation(caller, demand, manager), 'edit')) {
        throw demandError('DEMAND_FORBIDDEN', 'Only the owner or its advisor deletes a draft.');
      }
      if (demand.status !== 'draft') {
        throw demandError('DEMAND_NOT_DELETABLE', `Only a draft can be deleted; this need is ${demand.status}.`, {
          extensions: { currentStatus: demand.status },
        });
      }
      const keys = await this.attachments.delete({ demandId: id }, manager);
      await this.transitions.deleteOf(id, manager);
      await this.demands.delete(id, manager);
      return { keys, result: undefined };
    });
  }

  async submit(id: string, actor: UserActor): Promise<DemandFullView> {
    return this.act(id, 'submit', actor, (at) => ({ submittedAt: at }));
  }

  async approve(id: string, actor: UserActor): Promise<DemandFullView> {
    return this.act(id, 'approve', actor, async (at, manager, demand) => ({
      approvedAt: at,
      code: demand.code ?? (await this.demands.nextCode(at, manager)),
    }));
  }

  async returnForChanges(id: string, reasons: string[], actor: UserActor): Promise<DemandFullView> {
    return this.act(id, 'return', actor, () => ({}), reasons.join('；'));
  }

  async withdraw(id: string, reason: string, actor: UserActor): Promise<DemandFullView> {
    return this.act(id, 'withdraw', actor, () => ({}), reason);
  }

  /** A user-driven transition: lock, check who may, move, audit, emit — one transaction. */
  private async act(
    id: string,
    action: DemandAction & ('submit' | 'approve' | 'return' | 'withdraw'),
    actor: UserActor,
    changes: (at: Date, manager: EntityManager, demand: DemandRecord) => Partial<Demand> | Promise<Partial<Demand>>,
    reason: string | null = null,
  ): Promise<DemandFullView> {
    const caller = actor.principal;
    const after = await this.transactions.run(async (manager) => {
      const demand = await this.lockVisible(id, caller, manager);
      if (!may(await this.relation(caller, demand, manager), action)) {
        throw demandError('DEMAND_FORBIDDEN', `You may not ${action} this need.`);
      }
      const at = await this.transactions.clock(manager);
      return this.move(demand, action, { principal: caller, at }, manager, {
        reason,
        changes: await changes(at, manager, demand),
      });
    });
    return toFullView(after);
  }

  /**
   * Moves a locked need by `action` if the lifecycle allows it from its current status, records
   * the transition and emits its event. Shared by user actions, batches, jobs and matching events.
   */
  async move(
    demand: DemandRecord,
    action: DemandAction,
    actor: Move,
    manager: EntityManager,
    options: TransitionOptions = {},
  ): Promise<DemandRecord> {
    const to = demandTargetOf(action, demand.status);
    if (!to) {
      throw demandError('DEMAND_ILLEGAL_TRANSITION', `Cannot ${action} a need that is ${demand.status}.`, {
        extensions: { currentStatus: demand.status, action },
      });
    }
    const after = await this.demands.update(demand.id, { ...options.changes, status: to }, actor.at, manager);
    await this.transitions.record(
      [
        {
          demandId: demand.id,
          action,
          from: demand.status,
          to,
          actor: actor.principal,
          reason: options.reason ?? null,
          at: actor.at,
        },
      ],
      manager,
    );
    await this.events.publish(manager, eventFor(after, demand.status));
    return after;
  }

  async get(id: string, caller: Principal | undefined): Promise<DemandPublicView | DemandFullView> {
    const demand = await this.demands.find(id);
    if (!demand) throw this.notFound();
    const relation = await this.relation(caller, demand);
    if (may(relation, 'read_full')) return toFullView(demand);
    if (!isPublic(demand.status)) throw this.notFound();
    return toPublicView(demand);
  }

  async history(id: string, caller: Principal): Promise<TransitionView[]> {
    const demand = await this.demands.find(id);
    if (!demand || !may(await this.relation(caller, demand), 'read_history')) throw this.notFound();
    return (await this.transitions.history(id)).map(toTransitionView);
  }

  /**
   * A page of `DemandPublicView`s as JSON text. PostgreSQL writes the items: the busiest read never
   * turns rows into objects only to serialise them again.
   */
  async listPublic(query: PublicDemandQuery): Promise<string> {
    const { status, page: _page, pageSize: _size, sort, ...filter } = query;
    const { items, total } = await this.demands.searchPublicJson(
      { ...filter, statuses: status ? [status] : PUBLIC_DEMAND_STATUSES },
      { offset: query.offset, pageSize: query.pageSize, sort },
    );
    return pageJson(items, total, query);
  }

  /** The needs a caller manages: admin all, an enterprise its own, an advisor those it serves or helped with. */
  async listManaged(query: ManagedDemandQuery, caller: Principal): Promise<Page<DemandFullView>> {
    const { status, page: _page, pageSize: _size, sort, ...filter } = query;
    const [records, total] = await this.demands.search(
      { ...filter, statuses: status ? [status] : undefined, scope: await this.managedScope(caller) },
      { offset: query.offset, pageSize: query.pageSize, sort },
    );
    return pageOf(records.map(toFullView), total, query);
  }

  /** How many of the needs the caller manages are in each status: the tabs of "my needs" in one query. */
  async countManaged(query: ManagedDemandCountQuery, caller: Principal): Promise<ManagedDemandCountsView> {
    const counts = await this.demands.countByStatus({ ...query, scope: await this.managedScope(caller) });
    const statuses = DEMAND_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
    return { total: statuses.reduce((sum, { count }) => sum + count, 0), statuses };
  }

  /** Admin: every need; an enterprise: its own; an advisor: those of the enterprises served and those helped with. */
  private async managedScope(caller: Principal): Promise<DemandFilter['scope']> {
    if (caller.role === 'admin') return undefined;
    if (caller.role === 'enterprise') return { organisationIds: [caller.organisationId] };
    return { organisationIds: await this.directory.servedBy(caller.userId), advisorId: caller.userId };
  }

  /** How the caller stands to a need (attachments follow the same rules). */
  async relation(caller: Principal | undefined, demand: DemandRecord, manager?: EntityManager): Promise<Relation> {
    const served = caller?.role === 'advisor' ? await this.directory.servedBy(caller.userId, manager) : [];
    const winners = caller?.role === 'team' ? await this.demands.winners(demand.id, manager) : [];
    return relationTo(caller, demand, served, winners);
  }

  /** Locks a need; one the caller may not even see is reported as absent, not forbidden. */
  async lockVisible(id: string, caller: Principal, manager: EntityManager): Promise<DemandRecord> {
    const demand = await this.demands.lock(id, manager);
    if (!demand) throw this.notFound();
    const relation = await this.relation(caller, demand, manager);
    if (relation === 'none' && !isPublic(demand.status)) throw this.notFound();
    return demand;
  }

  private notFound() {
    return demandError('DEMAND_NOT_FOUND', 'No such need.');
  }
}
