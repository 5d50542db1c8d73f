import {
  type DemandPublicSnapshot,
  DISTRICT_LABELS,
  INDUSTRY_LABELS,
  PUBLIC_DEMAND_STATUSES,
  type TeamProfileUpdatedPayload,
} from '@jiebang/contracts';

/** What the demand index holds: the public snapshot, flattened for search; never a confidential field. */
export interface DemandDocument {
  id: string;
  version: number;
  code: string | null;
  title: string;
  summary: string;
  background: string;
  keywords: string[];
  indicatorText: string;
  indicators: DemandPublicSnapshot['indicators'];
  industry: string;
  /** The Chinese names, so that 生物医药 or 涪城区 typed as text finds the needs filed under them. */
  industryLabel: string;
  district: string;
  districtLabel: string;
  cooperationMode: string;
  awardMode: string;
  awardLeads: number;
  bountyMin: number;
  bountyMax: number;
  bidDeadline: string | null;
  bidDeadlineTs: number | null;
  status: string;
  ownerOrganisationId: string;
  ownerName: string | null;
  batchId: string | null;
  publishedAt: string | null;
  publishedAtTs: number | null;
  /** Submitted bids not withdrawn: counted from search's bid rows when the document is pushed. */
  bidCount?: number;
}

/**
 * The fields a search hit shows: asked for by name, since Meilisearch otherwise returns every field
 * (background, indicators) of each hit and a formatted copy of each beside it.
 */
export const DEMAND_HIT_ATTRIBUTES = [
  'id',
  'code',
  'title',
  'summary',
  'keywords',
  'industry',
  'district',
  'cooperationMode',
  'bountyMin',
  'bountyMax',
  'bidDeadline',
  'bidDeadlineTs',
  'bidCount',
  'status',
  'ownerOrganisationId',
  'ownerName',
  'batchId',
  'publishedAt',
] as const satisfies ReadonlyArray<keyof DemandDocument>;

const ts = (iso: string | null): number | null => (iso ? Math.floor(new Date(iso).getTime() / 1000) : null);

/** Only needs that have been published are searchable; anything else is removed from the index. */
export function isSearchable(snapshot: DemandPublicSnapshot): boolean {
  return (PUBLIC_DEMAND_STATUSES as readonly string[]).includes(snapshot.status);
}

export function toDemandDocument(snapshot: DemandPublicSnapshot, version: number): DemandDocument {
  return {
    id: snapshot.id,
    version,
    code: snapshot.code,
    title: snapshot.title,
    summary: snapshot.summary,
    background: snapshot.background,
    keywords: snapshot.keywords,
    indicatorText: snapshot.indicators.map((i) => `${i.name} ${i.target}${i.unit}`).join('；'),
    indicators: snapshot.indicators,
    industry: snapshot.industry,
    industryLabel: INDUSTRY_LABELS[snapshot.industry],
    district: snapshot.district,
    districtLabel: DISTRICT_LABELS[snapshot.district],
    cooperationMode: snapshot.cooperationMode,
    awardMode: snapshot.awardMode,
    awardLeads: snapshot.awardLeads,
    bountyMin: snapshot.bountyMin,
    bountyMax: snapshot.bountyMax,
    bidDeadline: snapshot.bidDeadline,
    bidDeadlineTs: ts(snapshot.bidDeadline),
    status: snapshot.status,
    ownerOrganisationId: snapshot.ownerOrganisationId,
    ownerName: snapshot.ownerName,
    batchId: snapshot.batchId,
    publishedAt: snapshot.publishedAt,
    publishedAtTs: ts(snapshot.publishedAt),
  };
}

export interface TeamDocument {
  id: string;
  version: number;
  name: string;
  summary: string;
  researchFields: string[];
  keywords: string[];
  achievementText: string;
  visible: boolean;
}

const ACHIEVEMENT_SEPARATOR = '；';

export function toTeamDocument(id: string, version: number, profile: TeamProfileUpdatedPayload): TeamDocument {
  return {
    id,
    version,
    name: profile.name,
    summary: profile.summary,
    researchFields: profile.researchFields,
    keywords: profile.keywords,
    achievementText: profile.achievements.map((a) => `${a.title}（${a.year}）`).join(ACHIEVEMENT_SEPARATOR),
    visible: profile.visible,
  };
}

/** The achievements' titles, back from the indexed text (stored documents hold only that). */
export function achievementTitles(team: Pick<TeamDocument, 'achievementText'>): string[] {
  return team.achievementText
    .split(ACHIEVEMENT_SEPARATOR)
    .map((entry) => entry.replace(/（\d{4}）$/, '').trim())
    .filter(Boolean);
}
