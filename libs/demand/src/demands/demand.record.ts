import type { DemandPublicSnapshot, DemandStatus } from '@jiebang/contracts';
import type { Demand } from './demand.entity';

/** A need as read: the row plus its status as of now and the names it is shown with. */
export interface DemandRecord extends Demand {
  effectiveStatus: DemandStatus;
  ownerName: string | null;
  batchTitle: string | null;
}

/** What a public read needs: never a confidential field, a contact or the review's bookkeeping. */
export type DemandPublicRecord = Omit<
  DemandRecord,
  | 'confidentialDetails'
  | 'contactName'
  | 'contactPhone'
  | 'contactEmail'
  | 'advisorId'
  | 'createdBy'
  | 'submittedAt'
  | 'approvedAt'
  | 'createdAt'
  | 'version'
>;

/** A published need counts as closed from its deadline on, before the clock job records it. */
export const EFFECTIVE_STATUS_SQL = `CASE WHEN d.status = 'published' AND d.bid_deadline <= now() THEN 'bidding_closed' ELSE d.status END`;

/** The columns every read selects; `effective_status` closes a need at its deadline before the job does. */
const DEMAND_COLUMNS = `d.*, ${EFFECTIVE_STATUS_SQL} AS effective_status, o.name AS owner_name, b.title AS batch_title`;
/** Needs from `source` (the table, or a statement's RETURNING rows) with the names they are shown with. */
const demandsFrom = (source: string): string => `
    FROM ${source} d
    LEFT JOIN demand.organisation_directory o ON o.id = d.owner_organisation_id
    LEFT JOIN demand.batch b ON b.id = d.batch_id`;
const DEMAND_FROM = demandsFrom('demand.demand');

export const DEMAND_SELECT = `SELECT ${DEMAND_COLUMNS} ${DEMAND_FROM}`;

/** The record `statement` (an INSERT or UPDATE … RETURNING *) wrote, read in the same round trip. */
export const demandWrittenBy = (statement: string): string =>
  `WITH written AS (${statement}) SELECT ${DEMAND_COLUMNS} ${demandsFrom('written')}`;

/**
 * A page of a list from the statement `page` (ids and the filter's total): the page's rows in
 * `order`, each with the total as `total_count` (see the repository).
 */
export const demandPageSelect = (page: string, order: string): string =>
  `SELECT ${DEMAND_COLUMNS}, page.total_count ${DEMAND_FROM}
     JOIN (${page}) page ON page.id = d.id
    ORDER BY ${order}`;

/** A timestamp as `Date.prototype.toISOString` writes it (both cut microseconds to milliseconds). */
const isoTime = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A need's public view (`toPublicView`) built by PostgreSQL, key for key: a public list goes out as
 * the text PostgreSQL wrote, never parsed into rows and serialised again. A test holds the two equal.
 */
const PUBLIC_VIEW_JSON = `json_build_object(
    'id', d.id, 'code', d.code, 'title', d.title, 'summary', d.summary, 'background', d.background,
    'indicators', d.indicators, 'outcomeForm', d.outcome_form, 'industry', d.industry, 'keywords', d.keywords,
    'district', d.district, 'bountyMin', d.bounty_min::float8, 'bountyMax', d.bounty_max::float8,
    'cooperationMode', d.cooperation_mode, 'awardMode', d.award_mode, 'awardLeads', d.award_leads,
    'bidDeadline', ${isoTime('d.bid_deadline')}, 'status', ${EFFECTIVE_STATUS_SQL},
    'publishedAt', ${isoTime('d.published_at')},
    'owner', json_build_object('id', d.owner_organisation_id, 'name', o.name),
    'batch', CASE WHEN d.batch_id IS NOT NULL THEN json_build_object('id', d.batch_id, 'title', coalesce(b.title, '')) END)`;

/** The same page of a public list as one row: its items as JSON text, in `order`, and the total. */
export const demandPublicPageJson = (page: string, order: string): string =>
  `SELECT coalesce(json_agg(${PUBLIC_VIEW_JSON} ORDER BY ${order}), '[]')::text AS items,
          max(page.total_count) AS total_count ${DEMAND_FROM}
     JOIN (${page}) page ON page.id = d.id`;

type Row = Record<string, unknown>;

const date = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string);

function toPublicRecord(row: Row): DemandPublicRecord {
  return {
    id: row.id as string,
    code: row.code as string | null,
    title: row.title as string,
    summary: row.summary as string,
    background: row.background as string,
    indicators: row.indicators as Demand['indicators'],
    outcomeForm: row.outcome_form as Demand['outcomeForm'],
    industry: row.industry as Demand['industry'],
    keywords: row.keywords as string[],
    district: row.district as Demand['district'],
    bountyMin: Number(row.bounty_min),
    bountyMax: Number(row.bounty_max),
    cooperationMode: row.cooperation_mode as Demand['cooperationMode'],
    awardMode: row.award_mode as Demand['awardMode'],
    awardLeads: row.award_leads as number,
    bidDeadline: date(row.bid_deadline),
    ownerOrganisationId: row.owner_organisation_id as string,
    status: row.status as DemandStatus,
    batchId: row.batch_id as string | null,
    publishedAt: date(row.published_at),
    updatedAt: date(row.updated_at)!,
    effectiveStatus: (row.effective_status ?? row.status) as DemandStatus,
    ownerName: (row.owner_name ?? null) as string | null,
    batchTitle: (row.batch_title ?? null) as string | null,
  };
}

export function toRecord(row: Row): DemandRecord {
  return {
    ...toPublicRecord(row),
    confidentialDetails: row.confidential_details as string,
    contactName: row.contact_name as string,
    contactPhone: row.contact_phone as string,
    contactEmail: row.contact_email as string | null,
    advisorId: row.advisor_id as string | null,
    createdBy: row.created_by as string,
    submittedAt: date(row.submitted_at),
    approvedAt: date(row.approved_at),
    createdAt: date(row.created_at)!,
    version: row.version as number,
  };
}

/** The public snapshot carried by events: never a confidential field. */
export function toSnapshot(record: DemandPublicRecord): DemandPublicSnapshot {
  return {
    id: record.id,
    code: record.code,
    title: record.title,
    summary: record.summary,
    background: record.background,
    indicators: record.indicators,
    outcomeForm: record.outcomeForm,
    industry: record.industry,
    keywords: record.keywords,
    district: record.district,
    bountyMin: record.bountyMin,
    bountyMax: record.bountyMax,
    cooperationMode: record.cooperationMode,
    awardMode: record.awardMode,
    awardLeads: record.awardLeads,
    bidDeadline: record.bidDeadline?.toISOString() ?? null,
    status: record.status,
    ownerOrganisationId: record.ownerOrganisationId,
    ownerName: record.ownerName,
    batchId: record.batchId,
    publishedAt: record.publishedAt?.toISOString() ?? null,
    updatedAt: record.updatedAt.toISOString(),
  };
}
