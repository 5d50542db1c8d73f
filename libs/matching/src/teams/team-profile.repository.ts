import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import { type EntityManager, In } from 'typeorm';
import { Achievement, TeamProfile } from './team-profile.entity';

@Injectable()
export class TeamProfileRepository {
  constructor(private readonly transactions: Transactions) {}

  find(organisationId: string, manager: EntityManager = this.transactions.manager): Promise<TeamProfile | null> {
    return manager.findOneBy(TeamProfile, { organisationId });
  }

  lock(organisationId: string, manager: EntityManager): Promise<TeamProfile | null> {
    return manager
      .createQueryBuilder(TeamProfile, 'p')
      .setLock('pessimistic_write')
      .where('p.organisation_id = :organisationId', { organisationId })
      .getOne();
  }

  /** Creates or replaces the profile's fields; returns the new version. */
  async save(profile: Omit<TeamProfile, 'version' | 'createdAt'>, manager: EntityManager): Promise<number> {
    const rows = await manager.query<Array<{ version: number }>>(
      `INSERT INTO matching.team_profile (organisation_id, summary, research_fields, keywords, members, visible,
         updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (organisation_id) DO UPDATE SET summary = EXCLUDED.summary,
         research_fields = EXCLUDED.research_fields, keywords = EXCLUDED.keywords, members = EXCLUDED.members,
         visible = EXCLUDED.visible, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
         version = matching.team_profile.version + 1
       RETURNING version`,
      [
        profile.organisationId,
        profile.summary,
        profile.researchFields,
        profile.keywords,
        JSON.stringify(profile.members),
        profile.visible,
        profile.updatedBy,
        profile.updatedAt,
      ],
    );
    return rows[0].version;
  }

  /** Bumps the version after an achievement changed, so the profile event supersedes the last. */
  async touch(organisationId: string, at: Date, manager: EntityManager): Promise<number> {
    const rows = await manager.query<[Array<{ version: number }>, number]>(
      `UPDATE matching.team_profile SET version = version + 1, updated_at = $2
       WHERE organisation_id = $1 RETURNING version`,
      [organisationId, at],
    );
    return rows[0][0].version;
  }

  achievements(organisationId: string, manager: EntityManager = this.transactions.manager): Promise<Achievement[]> {
    return manager.find(Achievement, { where: { organisationId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  achievementsOf(organisationIds: string[]): Promise<Achievement[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.transactions.manager.find(Achievement, {
      where: { organisationId: In(organisationIds) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  async addAchievement(achievement: Omit<Achievement, 'id' | 'position'>, manager: EntityManager): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO matching.achievement (organisation_id, title, year, trl, patents, industry, position, created_at)
       VALUES ($1, $2, $3, $4, $5, $6,
         (SELECT coalesce(max(position), 0) + 1 FROM matching.achievement WHERE organisation_id = $1), $7)
       RETURNING id`,
      [
        achievement.organisationId,
        achievement.title,
        achievement.year,
        achievement.trl,
        achievement.patents,
        achievement.industry,
        achievement.createdAt,
      ],
    );
    return rows[0].id;
  }

  /** Removes an achievement no record points at; false when it is not the team's. */
  async removeAchievement(organisationId: string, id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(Achievement, { id, organisationId });
    return (result.affected ?? 0) > 0;
  }

  async achievementExists(id: string, manager: EntityManager = this.transactions.manager): Promise<boolean> {
    return (await manager.countBy(Achievement, { id })) > 0;
  }

  listVisible(page: { offset: number; pageSize: number }): Promise<[TeamProfile[], number]> {
    return this.transactions.manager.findAndCount(TeamProfile, {
      where: { visible: true },
      order: { updatedAt: 'DESC' },
      skip: page.offset,
      take: page.pageSize,
    });
  }
}
