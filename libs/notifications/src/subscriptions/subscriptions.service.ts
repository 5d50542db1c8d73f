import { Injectable } from '@nestjs/common';
import { type Principal, PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { isUniqueViolation } from '@jiebang/platform';
import { DirectoryRepository } from '../directory/directory.repository';
import { notificationsError } from '../notifications.errors';
import {
  type CreateSubscriptionDto,
  type SubscriptionList,
  type SubscriptionView,
  toSubscriptionView,
} from './subscription.dto';
import { SubscriptionRepository } from './subscription.repository';

/** Followed needs, saved searches and profile alerts per user; enough for any real use, bounded for the table's sake. */
const SUBSCRIPTIONS_PER_USER = 100;

/** A signed-in user's own subscriptions: nobody else's are ever read or changed. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async list(caller: Principal): Promise<SubscriptionList> {
    return { items: (await this.subscriptions.listOf(caller.userId)).map(toSubscriptionView) };
  }

  async create(dto: CreateSubscriptionDto, caller: Principal): Promise<SubscriptionView> {
    if (dto.kind === 'need') {
      const need = await this.directory.findNeed(dto.demandId!);
      if (!need || !PUBLIC_DEMAND_STATUSES.some((status) => status === need.status)) {
        throw notificationsError('SUBSCRIPTION_NEED_NOT_FOUND', 'Only a published need can be followed.');
      }
    }
    if (dto.kind === 'profile' && (caller.role !== 'team' || !caller.organisationId)) {
      throw notificationsError(
        'SUBSCRIPTION_FORBIDDEN',
        'Only a research team’s member can subscribe with its profile.',
      );
    }
    const query = dto.kind === 'search' ? (dto.query ?? '') : '';
    const facets = {
      industries: dto.kind === 'search' ? (dto.industries ?? []) : [],
      districts: dto.kind === 'search' ? (dto.districts ?? []) : [],
      cooperationModes: dto.kind === 'search' ? (dto.cooperationModes ?? []) : [],
    };
    if (dto.kind === 'search' && query === '' && Object.values(facets).every((values) => values.length === 0)) {
      throw notificationsError('SUBSCRIPTION_SEARCH_EMPTY', 'A saved search needs words or at least one filter.', {
        errors: [{ field: 'query', message: 'Give words to search for or choose a filter.' }],
      });
    }
    let id: string | null;
    try {
      id = await this.subscriptions.create(
        {
          userId: caller.userId,
          organisationId: caller.organisationId ?? null,
          kind: dto.kind,
          demandId: dto.kind === 'need' ? dto.demandId! : null,
          name: dto.kind === 'search' ? dto.name! : null,
          query,
          ...facets,
        },
        SUBSCRIPTIONS_PER_USER,
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw notificationsError(
          'SUBSCRIPTION_EXISTS',
          'You already have this subscription (or a search of that name).',
        );
      }
      throw error;
    }
    if (!id) {
      throw notificationsError(
        'SUBSCRIPTION_LIMIT_REACHED',
        `You have ${SUBSCRIPTIONS_PER_USER} subscriptions; delete one first.`,
      );
    }
    const [created] = await this.subscriptions.listOf(caller.userId, id);
    return toSubscriptionView(created);
  }

  async remove(id: string, caller: Principal): Promise<void> {
    if (!(await this.subscriptions.remove(caller.userId, id))) {
      throw notificationsError('SUBSCRIPTION_NOT_FOUND', 'No such subscription.');
    }
  }
}
