import type {
  AwardMode,
  CooperationMode,
  District,
  Industry,
  OutcomeForm,
  TechnicalIndicator,
} from '@jiebang/contracts';

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

/** One technology need (技术需求) of the demo catalogue. */
export interface NeedSeed {
  enterpriseKey: string;
  /** 0, 1 or 2: the batch that publishes it. */
  batch: number;
  title: string;
  summary: string;
  background: string;
  indicators: TechnicalIndicator[];
  outcomeForm: OutcomeForm;
  industry: Industry;
  keywords: string[];
  district: District;
  /** 万元 */
  bountyMin: number;
  /** 万元 */
  bountyMax: number;
  cooperationMode: CooperationMode;
  awardMode: AwardMode;
  awardLeads: number;
  confidentialDetails: string;
  contactName: string;
  contactPhone: string;
}
