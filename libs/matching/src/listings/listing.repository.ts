import { Injectable } from '@nestjs/common';
import {
  type DemandPublicSnapshot,
  type DemandStatus,
  effectiveStatus,
  PUBLIC_DEMAND_STATUSES,
} from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AdvisorPortfolio, Listing, OrganisationEntry } from './listing.entity';

/** A listing as a bid sees it, share-locked. */
export interface BidWindow {
  listing: Listing;
  /** The database's time: when the transaction began. */
  now: Date;
  /** The need was awarded: bidding is over whatever the deadline says. */
  decided: boolean;
  /** A member of the bidding organisation reviews the need. */
  reviewing: boolean;
  /** The bidding organisation's name, for the bid's view. */
  teamName: string | null;
}

const LISTING_COLUMNS = `l.demand_id, l.code, l.title, l.owner_organisation_id, l.owner_name, l.industry, l.district,
  l.status, l.bid_deadline, l.award_mode, l.award_leads, l.indicator_names, l.published_at, l.collected_at, l.version`;

/** The columns a demand event sets, in the order of `upsert`'s first parameters. */
const PROJECTED_COLUMNS = [
  'code',
  'title',
  'owner_organisation_id',
  'owner_name',
  'industry',
  'district',
  'status',
  'bid_deadline',
  'award_mode',
  'award_leads',
  'indicator_names',
  'published_at',
  'version',
] as const;

const UPSERT_LISTING = `INSERT INTO matching.listing AS l (${PROJECTED_COLUMNS.join(', ')}, demand_id, collected_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
  ON CONFLICT (demand_id) DO UPDATE SET
    ${PROJECTED_COLUMNS.map((c) => `${c} = CASE WHEN l.version < EXCLUDED.version THEN EXCLUDED.${c} ELSE l.${c} END`).join(', ')},
    collected_at = LEAST(l.collected_at, EXCLUDED.collected_at)
  WHERE l.version < EXCLUDED.version OR l.collected_at > EXCLUDED.collected_at`;

interface ListingRow {
  demand_id: string;
  code: string | null;
  title: string;
  owner_organisation_id: string;
  owner_name: string | null;
  industry: Listing['industry'];
  district: Listing['district'];
  status: Listing['status'];
  bid_deadline: Date | null;
  award_mode: Listing['awardMode'];
  award_leads: number;
  indicator_names: string[];
  published_at: Date | null;
  collected_at: Date;
  version: number;
}

export interface BidWindowRow extends ListingRow {
  now: Date;
  decided: boolean;
  reviewing: boolean;
  team_name: string | null;
}

/**
 * What a bid by organisation $2 on need $1 reads, share-locking the listing: the database's time,
 * whether the need was awarded, and whether a member of the organisation reviews it.
 */
export const BID_WINDOW_SELECT = `SELECT ${LISTING_COLUMNS}, now() AS now,
    EXISTS (SELECT 1 FROM matching.award a WHERE a.demand_id = l.demand_id) AS decided,
    EXISTS (SELECT 1 FROM matching.reviewer r WHERE r.demand_id = l.demand_id AND r.organisation_id = $2) AS reviewing,
    (SELECT o.name FROM matching.organisation o WHERE o.id = $2) AS team_name
  FROM matching.listing l WHERE l.demand_id = $1 FOR SHARE OF l`;

export function toBidWindow(row: BidWindowRow): BidWindow {
  return {
    listing: toListing(row),
    now: row.now,
    decided: row.decided,
    reviewing: row.reviewing,
    teamName: row.team_name,
  };
}

function toListing(row: ListingRow): Listing {
  return {
    demandId: row.demand_id,
    code: row.code,
    title: row.title,
    ownerOrganisationId: row.owner_organisation_id,
    ownerName: row.owner_name,
    industry: row.industry,
    district: row.district,
    status: row.status,
    bidDeadline: row.bid_deadline,
    awardMode: row.award_mode,
    awardLeads: row.award_leads,
    indicatorNames: row.indicator_names,
    publishedAt: row.published_at,
    collectedAt: row.collected_at,
    version: row.version,
  };
}

/** The listing projection and identity's directory, written only by event consumers. */
@Injectable()
export class ListingRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Upserts in one statement: the projected fields unless the stored version is newer (a late
   * duplicate never overwrites them), and `collected_at` as the earliest change any of the need's
   * events reports, since queues deliver each event type on its own and a need's publication may
   * arrive before its submission.
   */
  async upsert(demand: DemandPublicSnapshot, version: number, manager: EntityManager): Promise<void> {
    await manager.query(UPSERT_LISTING, [
      demand.code,
      demand.title,
      demand.ownerOrganisationId,
      demand.ownerName,
      demand.industry,
      demand.district,
      demand.status,
      demand.bidDeadline,
      demand.awardMode,
      demand.awardLeads,
      demand.indicators.map((indicator) => indicator.name),
      demand.publishedAt,
      version,
      demand.id,
      demand.updatedAt,
    ]);
  }

  find(demandId: string, manager: EntityManager = this.transactions.manager): Promise<Listing | null> {
    return manager.findOneBy(Listing, { demandId });
  }

  /** Share-locks a listing for a bid by `organisationId`, reading what the bid rules ask in the same round trip. */
  async lockForBid(demandId: string, organisationId: string, manager: EntityManager): Promise<BidWindow | null> {
    // Raw SQL on the bid's hot path: a query builder with entity mapping cost more than the query.
    const rows = await manager.query<BidWindowRow[]>(BID_WINDOW_SELECT, [demandId, organisationId]);
    return rows.length === 0 ? null : toBidWindow(rows[0]);
  }

  /** Locks the listing exclusively: one award or engagement decision at a time per need. */
  async lock(demandId: string, manager: EntityManager): Promise<Listing | null> {
    return manager
      .createQueryBuilder(Listing, 'l')
      .setLock('pessimistic_write')
      .where('l.demand_id = :demandId', { demandId })
      .getOne();
  }

  count(manager: EntityManager = this.transactions.manager): Promise<number> {
    return manager.count(Listing);
  }

  async upsertOrganisation(entry: OrganisationEntry, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.organisation (id, name, kind, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, version = EXCLUDED.version
       WHERE matching.organisation.version < EXCLUDED.version`,
      [entry.id, entry.name, entry.kind, entry.version],
    );
  }

  async publicAmong(demandIds: string[]): Promise<Set<string>> {
    const rows = await this.transactions.manager.query<Array<{ demand_id: string }>>(
      'SELECT demand_id FROM matching.listing WHERE demand_id = ANY($1) AND status = ANY($2)',
      [demandIds, [...PUBLIC_DEMAND_STATUSES]],
    );
    return new Set(rows.map((row) => row.demand_id));
  }

  /** Title and status (as of the database's clock) of each need, for views of bids on them. */
  async headlines(demandIds: string[]): Promise<Map<string, { title: string; status: DemandStatus }>> {
    if (demandIds.length === 0) return new Map();
    const rows = await this.transactions.manager.query<
      Array<{ demand_id: string; title: string; status: DemandStatus; bid_deadline: Date | null; now: Date }>
    >('SELECT demand_id, title, status, bid_deadline, now() AS now FROM matching.listing WHERE demand_id = ANY($1)', [
      demandIds,
    ]);
    return new Map(
      rows.map((row) => [
        row.demand_id,
        { title: row.title, status: effectiveStatus(row.status, row.bid_deadline, row.now) },
      ]),
    );
  }

  async organisationNames(
    ids: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM matching.organisation WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async upsertPortfolio(portfolio: AdvisorPortfolio, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.advisor_portfolio (advisor_id, organisation_ids, version) VALUES ($1, $2, $3)
       ON CONFLICT (advisor_id) DO UPDATE SET organisation_ids = EXCLUDED.organisation_ids, version = EXCLUDED.version
       WHERE matching.advisor_portfolio.version < EXCLUDED.version`,
      [portfolio.advisorId, portfolio.organisationIds, portfolio.version],
    );
  }

  async upsertUser(
    user: { userId: string; organisationId: string | null; role: string; email: string; displayName: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO matching.recipient (user_id, organisation_id, role, email, display_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, role = EXCLUDED.role,
         email = EXCLUDED.email, display_name = EXCLUDED.display_name`,
      [user.userId, user.organisationId, user.role, user.email, user.displayName],
    );
  }
}
