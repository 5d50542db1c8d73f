import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import {
  EventBus,
  isForeignKeyViolation,
  memberOrganisation,
  type Page,
  pageOf,
  Transactions,
} from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { ListingRepository } from '../listings/listing.repository';
import { matchingError } from '../matching.errors';
import {
  type AchievementDto,
  type TeamProfileDto,
  type TeamProfileView,
  type TeamQuery,
  toTeamProfileView,
} from './team-profile.dto';
import { TeamProfileRepository } from './team-profile.repository';

/** Team profiles and their achievements (科技成果), published for search on every change. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly profiles: TeamProfileRepository,
    private readonly listings: ListingRepository,
    private readonly events: EventBus,
  ) {}

  async save(input: TeamProfileDto, actor: Actor): Promise<TeamProfileView> {
    const organisationId = memberOrganisation(actor.principal, 'team');
    await this.transactions.run(async (manager) => {
      const at = await this.transactions.clock(manager);
      const version = await this.profiles.save(
        { ...input, organisationId, visible: input.visible ?? true, updatedBy: actor.principal.userId, updatedAt: at },
        manager,
      );
      await this.announce(organisationId, version, manager);
    });
    return this.mine(actor.principal);
  }

  async addAchievement(input: AchievementDto, actor: Actor): Promise<TeamProfileView> {
    const organisationId = memberOrganisation(actor.principal, 'team');
    await this.transactions.run(async (manager) => {
      if (!(await this.profiles.lock(organisationId, manager))) throw this.noProfile();
      const at = await this.transactions.clock(manager);
      await this.profiles.addAchievement(
        { ...input, industry: input.industry ?? null, organisationId, createdAt: at },
        manager,
      );
      await this.announce(organisationId, await this.profiles.touch(organisationId, at, manager), manager);
    });
    return this.mine(actor.principal);
  }

  async removeAchievement(id: string, actor: Actor): Promise<TeamProfileView> {
    const organisationId = memberOrganisation(actor.principal, 'team');
    await this.transactions.run(async (manager) => {
      if (!(await this.profiles.lock(organisationId, manager))) throw this.noProfile();
      let removed: boolean;
      try {
        removed = await this.profiles.removeAchievement(organisationId, id, manager);
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw matchingError('ACHIEVEMENT_IN_USE', 'A matchmaking or conversion points at this achievement.');
        }
        throw error;
      }
      if (!removed) throw matchingError('REFERENCE_NOT_FOUND', 'Your team has no such achievement.');
      const at = await this.transactions.clock(manager);
      await this.announce(organisationId, await this.profiles.touch(organisationId, at, manager), manager);
    });
    return this.mine(actor.principal);
  }

  /**
   * Announces a profile again once its organisation's name reached matching: a profile saved
   * before identity's event arrived went to search without a name.
   */
  async nameArrived(organisationId: string, manager: EntityManager): Promise<void> {
    if (!(await this.profiles.lock(organisationId, manager))) return;
    await this.announce(
      organisationId,
      await this.profiles.touch(organisationId, await this.transactions.clock(manager), manager),
      manager,
    );
  }

  mine(caller: Principal): Promise<TeamProfileView> {
    return this.view(memberOrganisation(caller, 'team'), true);
  }

  /** A visible profile for anyone; a hidden one only for its own team. */
  get(organisationId: string, caller: Principal | undefined): Promise<TeamProfileView> {
    return this.view(organisationId, caller?.role === 'team' && caller.organisationId === organisationId);
  }

  async list(query: TeamQuery): Promise<Page<TeamProfileView>> {
    const [profiles, total] = await this.profiles.listVisible(query);
    const ids = profiles.map((p) => p.organisationId);
    const names = await this.listings.organisationNames(ids);
    const achievements = await this.profiles.achievementsOf(ids);
    const views = profiles.map((profile) =>
      toTeamProfileView(
        profile,
        achievements.filter((a) => a.organisationId === profile.organisationId),
        names.get(profile.organisationId) ?? null,
      ),
    );
    return pageOf(views, total, query);
  }

  private async view(organisationId: string, own: boolean): Promise<TeamProfileView> {
    const profile = await this.profiles.find(organisationId);
    if (!profile || (!profile.visible && !own)) throw this.noProfile();
    const names = await this.listings.organisationNames([organisationId]);
    return toTeamProfileView(
      profile,
      await this.profiles.achievements(organisationId),
      names.get(organisationId) ?? null,
    );
  }

  private async announce(organisationId: string, version: number, manager: EntityManager): Promise<void> {
    const profile = (await this.profiles.find(organisationId, manager))!;
    const achievements = await this.profiles.achievements(organisationId, manager);
    const names = await this.listings.organisationNames([organisationId], manager);
    await this.events.publish(
      manager,
      EventBus.envelope('matching.team_profile_updated', organisationId, version, {
        organisationId,
        name: names.get(organisationId) ?? '',
        summary: profile.summary,
        researchFields: profile.researchFields,
        keywords: profile.keywords,
        achievements: achievements.map((a) => ({ title: a.title, year: a.year })),
        visible: profile.visible,
      }),
    );
  }

  private noProfile() {
    return matchingError('TEAM_PROFILE_NOT_FOUND', 'No such team profile.');
  }
}
