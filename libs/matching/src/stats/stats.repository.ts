import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';

export interface StatsFilter {
  /** Bounds as instants (Beijing days turned into times) and as days, for date columns. */
  fromAt: Date | null;
  toAt: Date | null;
  fromDay: string | null;
  toDay: string | null;
  industry: string | null;
  district: string | null;
  advisorId: string | null;
}

export interface FunnelCounts {
  collectedNeeds: number;
  collectedAchievements: number;
  published: number;
  bidOn: number;
  bids: number;
  matched: number;
  matchmakings: number;
  awarded: number;
  winners: number;
  convertedNeeds: number;
  conversions: number;
  contractValue: number;
}

export type BreakdownKey = 'industry' | 'district' | 'month';

export interface BreakdownRow {
  key: string;
  collected: number;
  published: number;
  bids: number;
  matchmakings: number;
  awarded: number;
  conversions: number;
  contractValue: number;
}

/** An advisor record table (matchmakings or conversions) under the filters, with the industry and district it counts under. */
const advisorRecords = (table: string, dateColumn: string, extra: string) => `
    SELECT r.demand_id, r.${dateColumn}${extra}, l.industry AS need_industry, l.district AS need_district,
      a.industry AS achievement_industry
    FROM matching.${table} r
    LEFT JOIN matching.listing l ON l.demand_id = r.demand_id
    LEFT JOIN matching.achievement a ON a.id = r.achievement_id
    WHERE r.${dateColumn} >= coalesce($3::date, '-infinity') AND r.${dateColumn} <= coalesce($4::date, 'infinity')
      AND ($5::text IS NULL OR coalesce(l.industry, a.industry) = $5)
      AND ($6::text IS NULL OR l.district = $6)
      AND ($7::uuid IS NULL OR r.advisor_id = $7)`;

/*
 * Each CTE keeps only the columns the figures read: several are used twice, so PostgreSQL
 * materialises them, and a bid's proposal text would otherwise be copied for nothing.
 *
 * Parameters shared by every statistic: $1/$2 instants, $3/$4 days, $5 industry, $6 district, $7 advisor.
 * `scope` is the needs under the filters; advisor records that point at no need (an achievement's
 * deal) follow the achievement's industry and count under no district.
 */
const SCOPE = `
  scope AS (
    SELECT l.demand_id, l.industry, l.district, l.collected_at, l.published_at FROM matching.listing l
    WHERE ($5::text IS NULL OR l.industry = $5)
      AND ($6::text IS NULL OR l.district = $6)
      AND ($7::uuid IS NULL OR l.owner_organisation_id IN (
        SELECT unnest(organisation_ids) FROM matching.advisor_portfolio WHERE advisor_id = $7))
  ),
  records_mm AS (${advisorRecords('matchmaking', 'occurred_on', '')}),
  records_cv AS (${advisorRecords('conversion', 'signed_on', ', r.contract_value')}),
  achievements AS (
    SELECT a.industry, a.created_at FROM matching.achievement a
    WHERE a.created_at >= coalesce($1::timestamptz, '-infinity') AND a.created_at < coalesce($2::timestamptz, 'infinity')
      AND ($5::text IS NULL OR a.industry = $5)
      AND $6::text IS NULL
      AND ($7::uuid IS NULL OR a.id IN (SELECT achievement_id FROM matching.matchmaking WHERE advisor_id = $7
                                        UNION SELECT achievement_id FROM matching.conversion WHERE advisor_id = $7))
  ),
  bids AS (
    SELECT b.demand_id, b.submitted_at, s.industry, s.district FROM matching.bid b JOIN scope s ON s.demand_id = b.demand_id
    WHERE b.status IN ('submitted', 'awarded', 'not_selected')
      AND b.submitted_at >= coalesce($1::timestamptz, '-infinity') AND b.submitted_at < coalesce($2::timestamptz, 'infinity')
  ),
  awards AS (
    SELECT aw.demand_id, aw.winners, aw.decided_at, s.industry, s.district
    FROM matching.award aw JOIN scope s ON s.demand_id = aw.demand_id
    WHERE aw.decided_at >= coalesce($1::timestamptz, '-infinity') AND aw.decided_at < coalesce($2::timestamptz, 'infinity')
  )`;

const IN_PERIOD = (column: string) =>
  `${column} >= coalesce($1::timestamptz, '-infinity') AND ${column} < coalesce($2::timestamptz, 'infinity')`;

const MONTH = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

/** The programme's figures, straight from matching's tables in one statement each. */
@Injectable()
export class StatsRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The funnel's figures in one statement, shaped by the filters actually given: without an industry,
   * district or advisor no need list is built at all, and each table is read once (a GROUP BY per need
   * yields both its rows and its distinct needs; count(DISTINCT) would sort), by index-only scans of
   * the funnel's covering indexes (migration FunnelCoveringIndexes). At 100× the demo's rows this is
   * what keeps the office's dashboard fast without a summary table to keep in step.
   */
  async funnel(filter: StatsFilter): Promise<FunnelCounts> {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
    const fromAt = param(filter.fromAt, 'timestamptz');
    const toAt = param(filter.toAt, 'timestamptz');
    const fromDay = param(filter.fromDay, 'date');
    const toDay = param(filter.toDay, 'date');
    const industry = filter.industry === null ? null : param(filter.industry, 'text');
    const district = filter.district === null ? null : param(filter.district, 'text');
    const advisor = filter.advisorId === null ? null : param(filter.advisorId, 'uuid');
    const inPeriod = (column: string) =>
      `${column} >= coalesce(${fromAt}, '-infinity') AND ${column} < coalesce(${toAt}, 'infinity')`;
    const onDays = (column: string) =>
      `${column} >= coalesce(${fromDay}, '-infinity') AND ${column} <= coalesce(${toDay}, 'infinity')`;
    const all = (conditions: Array<string | null | false>) =>
      conditions.filter((condition): condition is string => Boolean(condition)).join(' AND ') || 'true';
    // The needs under the filters, as conditions on a listing aliased `l`.
    const place = [industry && `l.industry = ${industry}`, district && `l.district = ${district}`];
    const needScope = [
      ...place,
      advisor &&
        `l.owner_organisation_id IN (SELECT unnest(organisation_ids) FROM matching.advisor_portfolio WHERE advisor_id = ${advisor})`,
    ];
    const placed = place.some(Boolean);
    // Filtered, each table of facts is read once and kept to the needs in scope by a semi-join on
    // one materialised list of needs, instead of joining every row to its listing. Without an
    // advisor the needs in scope are those in place: one list serves both.
    const scopes = [
      placed && `place AS MATERIALIZED (SELECT l.demand_id FROM matching.listing l WHERE ${all(place)})`,
      advisor && `scope AS MATERIALIZED (SELECT l.demand_id FROM matching.listing l WHERE ${all(needScope)})`,
    ].filter(Boolean);
    const inScope = advisor ? 'scope' : placed ? 'place' : null;
    /** Rows of a table of needs' facts (bids, awards) under the filters. */
    const needFacts = (table: string, alias: string, conditions: string[]) =>
      `matching.${table} ${alias}
       WHERE ${all([...conditions, inScope && `${alias}.demand_id IN (SELECT demand_id FROM ${inScope})`])}`;
    // An advisor's records by place: a record's need is always listed (its references are checked
    // against the listing when it is recorded); without a district, a record that points at no need
    // (an achievement's deal) follows the achievement's industry.
    const inPlace = placed && 'r.demand_id IN (SELECT demand_id FROM place)';
    const achievementDeal =
      industry &&
      !district &&
      `r.demand_id IS NULL AND r.achievement_id IN (SELECT id FROM matching.achievement WHERE industry = ${industry})`;
    /**
     * A table of an advisor's records under the filters, as a row source `r` of its need and `more`
     * columns. With an achievement's deals in play, the records of needs in place and those of deals
     * are read apart (disjoint: a deal has no need), each from its own index, rather than one scan
     * testing either; a deal's need is NULL by definition, so its index need not hold the column.
     */
    const records = (table: string, dateColumn: string, more = '') => {
      const rows = (need: string, condition: string | false) =>
        `SELECT ${need} AS demand_id${more} FROM matching.${table} r
          WHERE ${all([onDays(`r.${dateColumn}`), advisor && `r.advisor_id = ${advisor}`, condition])}`;
      const deals = achievementDeal ? ` UNION ALL ${rows('NULL::uuid', achievementDeal)}` : '';
      return `(${rows('r.demand_id', inPlace)}${deals}) r`;
    };
    const [row] = await this.transactions.manager.query<Array<Record<keyof FunnelCounts, string | null>>>(
      `WITH ${scopes.map((scope) => `${scope},`).join('\n')}
       needs AS (
         SELECT count(*) FILTER (WHERE ${inPeriod('l.collected_at')}) AS collected,
                count(*) FILTER (WHERE ${inPeriod('l.published_at')}) AS published
           FROM matching.listing l WHERE ${all(needScope)}
       ),
       bids AS (
         SELECT count(*) AS needs, sum(n) AS bids FROM (
           SELECT b.demand_id, count(*) AS n FROM ${needFacts('bid', 'b', [
             `b.status IN ('submitted', 'awarded', 'not_selected')`,
             inPeriod('b.submitted_at'),
           ])}
           GROUP BY b.demand_id) g
       ),
       awards AS (
         SELECT count(*) AS awarded, sum(aw.winners) AS winners FROM ${needFacts('award', 'aw', [inPeriod('aw.decided_at')])}
       ),
       matchmakings AS (
         SELECT count(demand_id) AS needs, sum(n) AS records FROM (
           SELECT r.demand_id, count(*) AS n FROM ${records('matchmaking', 'occurred_on')}
            GROUP BY r.demand_id) g
       ),
       conversions AS (
         SELECT count(demand_id) AS needs, sum(n) AS records, sum(value) AS value FROM (
           SELECT r.demand_id, count(*) AS n, sum(r.contract_value) AS value
             FROM ${records('conversion', 'signed_on', ', r.contract_value')} GROUP BY r.demand_id) g
       ),
       achievements AS (
         SELECT count(*) AS collected FROM matching.achievement a
          WHERE ${all([
            inPeriod('a.created_at'),
            industry && `a.industry = ${industry}`,
            district && 'false',
            advisor &&
              `a.id IN (SELECT achievement_id FROM matching.matchmaking WHERE advisor_id = ${advisor}
                        UNION SELECT achievement_id FROM matching.conversion WHERE advisor_id = ${advisor})`,
          ])}
       )
       SELECT needs.collected AS "collectedNeeds", achievements.collected AS "collectedAchievements",
              needs.published AS "published", bids.needs AS "bidOn", bids.bids AS "bids",
              matchmakings.needs AS "matched", matchmakings.records AS "matchmakings",
              awards.awarded AS "awarded", awards.winners AS "winners",
              conversions.needs AS "convertedNeeds", conversions.records AS "conversions",
              conversions.value AS "contractValue"
         FROM needs, bids, awards, matchmakings, conversions, achievements`,
      params,
    );
    return Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, Number(value ?? 0)]),
    ) as unknown as FunnelCounts;
  }

  async breakdown(by: BreakdownKey, filter: StatsFilter): Promise<BreakdownRow[]> {
    const key = {
      industry: {
        need: 's.industry',
        record: `coalesce(r.need_industry, r.achievement_industry, 'unknown')`,
        achievement: `coalesce(a.industry, 'unknown')`,
      },
      district: { need: 's.district', record: `coalesce(r.need_district, 'unknown')`, achievement: `'unknown'` },
      month: { need: '', record: '', achievement: MONTH('a.created_at') },
    }[by];
    const needKey = (column: string) => (by === 'month' ? MONTH(column) : key.need);
    const rows = await this.transactions.manager.query<Array<Record<keyof BreakdownRow, string>>>(
      `WITH ${SCOPE},
       facts AS (
         SELECT ${needKey('s.collected_at')} AS key, 'collected' AS kind, 0::numeric AS value FROM scope s WHERE ${IN_PERIOD('s.collected_at')}
         UNION ALL SELECT ${key.achievement}, 'collected', 0 FROM achievements a
         UNION ALL SELECT ${needKey('s.published_at')}, 'published', 0 FROM scope s WHERE ${IN_PERIOD('s.published_at')}
         UNION ALL SELECT ${needKey('s.submitted_at')}, 'bid', 0 FROM bids s
         UNION ALL SELECT ${needKey('s.decided_at')}, 'awarded', 0 FROM awards s
         UNION ALL SELECT ${by === 'month' ? `to_char(r.occurred_on, 'YYYY-MM')` : key.record}, 'matchmaking', 0 FROM records_mm r
         UNION ALL SELECT ${by === 'month' ? `to_char(r.signed_on, 'YYYY-MM')` : key.record}, 'conversion', r.contract_value FROM records_cv r
       )
       SELECT key,
              count(*) FILTER (WHERE kind = 'collected') AS collected,
              count(*) FILTER (WHERE kind = 'published') AS published,
              count(*) FILTER (WHERE kind = 'bid') AS bids,
              count(*) FILTER (WHERE kind = 'matchmaking') AS matchmakings,
              count(*) FILTER (WHERE kind = 'awarded') AS awarded,
              count(*) FILTER (WHERE kind = 'conversion') AS conversions,
              coalesce(sum(value) FILTER (WHERE kind = 'conversion'), 0) AS "contractValue"
       FROM facts GROUP BY key ORDER BY key`,
      this.params(filter),
    );
    return rows.map((row) => ({
      key: row.key,
      collected: Number(row.collected),
      published: Number(row.published),
      bids: Number(row.bids),
      matchmakings: Number(row.matchmakings),
      awarded: Number(row.awarded),
      conversions: Number(row.conversions),
      contractValue: Number(row.contractValue),
    }));
  }

  private params(filter: StatsFilter): unknown[] {
    return [
      filter.fromAt,
      filter.toAt,
      filter.fromDay,
      filter.toDay,
      filter.industry,
      filter.district,
      filter.advisorId,
    ];
  }
}
