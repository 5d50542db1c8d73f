import type { DemandPublicSnapshot, District, Industry } from '@jiebang/contracts';

/** A fictional enterprise that posts needs in the demo story. */
export interface EnterpriseSeed {
  /** Stable key, e.g. `ent-001`; also the local part of its demo account's email. */
  key: string;
  /** Fictional Chinese company name, e.g. 绵阳磁晟新材料科技有限公司. */
  name: string;
  district: District;
  /** Main industries; its needs are drawn from these. */
  industries: Industry[];
}

/** A release conference (榜单发布会) and its batch (榜单). */
export interface BatchSeed {
  title: string;
  /** ISO date of the release event, e.g. 2023-03-28. */
  releaseDate: string;
  venue: string;
  /** ISO date: the default bid deadline of the batch's needs. */
  defaultBidDeadline: string;
  /** How many needs it publishes; the three add up to 446. */
  size: number;
}

/** The public fields a need is written with, as the demand context publishes them. */
type PublicNeedFields = Pick<
  DemandPublicSnapshot,
  | 'title'
  | 'summary'
  | 'background'
  | 'indicators'
  | 'outcomeForm'
  | 'industry'
  | 'keywords'
  | 'district'
  | 'bountyMin'
  | 'bountyMax'
  | 'cooperationMode'
  | 'awardMode'
  | 'awardLeads'
>;

/** A technology need (技术需求) as its enterprise writes it: the public fields plus the private ones. */
export interface NeedFields extends PublicNeedFields {
  enterpriseKey: string;
  confidentialDetails: string;
  contactName: string;
  contactPhone: string;
}

/** One need of the 2023 catalogue. */
export interface NeedSeed extends NeedFields {
  /** 0, 1 or 2: the batch that publishes it. */
  batch: number;
}

/** A team organisation's kind, as identity registers it. */
export type TeamKind = 'university' | 'institute' | 'company';

/** A technology achievement (科技成果) a team files with its profile. */
export interface AchievementSeed {
  title: string;
  year: number;
  /** Technology readiness level, 1–9. */
  trl: number;
  patents: string[];
  industry: Industry;
  /** ISO date the programme catalogued it. */
  collectedOn: string;
}

export interface KeyMemberSeed {
  name: string;
  title: string;
  expertise: string;
}

/** A research team (揭榜团队) with its account, profile and achievements. */
export interface TeamSeed {
  /** `team-01` …; also the local part of its demo account's email. */
  key: string;
  name: string;
  kind: TeamKind;
  /** Industries it works in, main first; it bids on needs of these. */
  industries: Industry[];
  /** ISO date it filed its profile. */
  joinedOn: string;
  summary: string;
  researchFields: string[];
  keywords: string[];
  members: KeyMemberSeed[];
  achievements: AchievementSeed[];
}
