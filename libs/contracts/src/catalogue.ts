/**
 * The programme's vocabularies, with their Chinese labels. Keys are stable identifiers used in
 * the API, the database and the search index; labels are what users read.
 */

/** 4 特色优势产业 + 8 战略性新兴产业 of Mianyang's "4+8+1" industrial system. */
export const INDUSTRIES = [
  'electronic_information',
  'advanced_materials',
  'equipment_manufacturing',
  'food_beverage',
  'new_display',
  'nuclear_technology',
  'laser_technology',
  'pv_storage',
  'drones',
  'integrated_circuits',
  'beidou_navigation',
  'biomedicine',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Record<Industry, string> = {
  electronic_information: '电子信息',
  advanced_materials: '先进材料',
  equipment_manufacturing: '装备制造',
  food_beverage: '食品饮料',
  new_display: '新型显示',
  nuclear_technology: '核技术应用',
  laser_technology: '激光技术应用',
  pv_storage: '光伏储能',
  drones: '无人机',
  integrated_circuits: '集成电路',
  beidou_navigation: '北斗导航',
  biomedicine: '生物医药',
};

export const INDUSTRY_GROUPS: Record<Industry, '特色优势产业' | '战略性新兴产业'> = {
  electronic_information: '特色优势产业',
  advanced_materials: '特色优势产业',
  equipment_manufacturing: '特色优势产业',
  food_beverage: '特色优势产业',
  new_display: '战略性新兴产业',
  nuclear_technology: '战略性新兴产业',
  laser_technology: '战略性新兴产业',
  pv_storage: '战略性新兴产业',
  drones: '战略性新兴产业',
  integrated_circuits: '战略性新兴产业',
  beidou_navigation: '战略性新兴产业',
  biomedicine: '战略性新兴产业',
};

/** 绵阳's districts and counties, and the parks the programme office treats as districts. */
export const DISTRICTS = [
  'fucheng',
  'youxian',
  'anzhou',
  'jiangyou',
  'santai',
  'yanting',
  'zitong',
  'beichuan',
  'pingwu',
  'high_tech_zone',
  'economic_zone',
  'science_city_new_zone',
  'xianhai',
] as const;
export type District = (typeof DISTRICTS)[number];

export const DISTRICT_LABELS: Record<District, string> = {
  fucheng: '涪城区',
  youxian: '游仙区',
  anzhou: '安州区',
  jiangyou: '江油市',
  santai: '三台县',
  yanting: '盐亭县',
  zitong: '梓潼县',
  beichuan: '北川羌族自治县',
  pingwu: '平武县',
  high_tech_zone: '绵阳高新区（科技城直管区）',
  economic_zone: '绵阳经开区',
  science_city_new_zone: '科技城新区',
  xianhai: '仙海区',
};

export const COOPERATION_MODES = ['development', 'transfer', 'licence', 'joint_rd', 'consulting'] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

export const COOPERATION_MODE_LABELS: Record<CooperationMode, string> = {
  development: '技术开发',
  transfer: '技术转让',
  licence: '技术许可',
  joint_rd: '合作研发',
  consulting: '技术咨询',
};

export const OUTCOME_FORMS = ['product', 'process', 'material', 'equipment', 'software', 'solution'] as const;
export type OutcomeForm = (typeof OUTCOME_FORMS)[number];

export const OUTCOME_FORM_LABELS: Record<OutcomeForm, string> = {
  product: '新产品',
  process: '新工艺',
  material: '新材料',
  equipment: '样机/装备',
  software: '软件系统',
  solution: '技术方案/专利',
};

/** `single`: one lead team (挂帅); `parallel`: N teams race in parallel (赛马). */
export const AWARD_MODES = ['single', 'parallel'] as const;
export type AwardMode = (typeof AWARD_MODES)[number];

export const AWARD_MODE_LABELS: Record<AwardMode, string> = { single: '揭榜挂帅', parallel: '赛马制' };

/** Every status a need can be in; the moves between them are `DEMAND_TRANSITIONS` (docs/architecture.md, "The life of a need"). */
export const DEMAND_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'bidding_closed',
  'awarded',
  'in_progress',
  'completed',
  'unclaimed',
  'withdrawn',
] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_STATUS_LABELS: Record<DemandStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已通过',
  published: '揭榜中',
  bidding_closed: '申报截止',
  awarded: '已揭榜',
  in_progress: '攻关中',
  completed: '已完成',
  unclaimed: '流榜',
  withdrawn: '已撤回',
};

/**
 * A published need reads as closed once its deadline has passed, before the closing job catches up
 * (demand's reads apply the same rule in SQL).
 */
export function effectiveStatus(status: DemandStatus, bidDeadline: Date | null, now: Date): DemandStatus {
  return status === 'published' && bidDeadline !== null && bidDeadline <= now ? 'bidding_closed' : status;
}

/** Statuses anyone may see: the need has been published at some point. */
export const PUBLIC_DEMAND_STATUSES = [
  'published',
  'bidding_closed',
  'awarded',
  'in_progress',
  'completed',
  'unclaimed',
] as const satisfies readonly DemandStatus[];

export interface TechnicalIndicator {
  /** e.g. 磁能积 */
  name: string;
  /** e.g. ≥52 */
  target: string;
  /** e.g. MGOe; empty when dimensionless */
  unit: string;
}

/** A bid (揭榜申报) from draft to decision. */
export const BID_STATUSES = ['draft', 'submitted', 'withdrawn', 'awarded', 'not_selected'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const BID_STATUS_LABELS: Record<BidStatus, string> = {
  draft: '草稿',
  submitted: '已申报',
  withdrawn: '已撤回',
  awarded: '已挂帅',
  not_selected: '未入选',
};

/**
 * A project (揭榜项目) from award to its end. Its names are the need's for the same stage, so a
 * need and its project never read differently.
 */
export const ENGAGEMENT_STATUSES = ['awarded', 'in_progress', 'completed', 'cancelled'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  awarded: DEMAND_STATUS_LABELS.awarded,
  in_progress: DEMAND_STATUS_LABELS.in_progress,
  completed: DEMAND_STATUS_LABELS.completed,
  cancelled: '已终止',
};

/** Why a bid lost: every losing team reads one of these with the owner's text. */
export const FEEDBACK_CATEGORIES = ['technical_route', 'team_capability', 'cost', 'timeline', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  technical_route: '技术路线不够成熟',
  team_capability: '团队能力与需求匹配度不足',
  cost: '经费报价偏高',
  timeline: '研发周期不满足要求',
  other: '其他原因',
};

/** The weighted criteria bids are scored against (0–100 each). */
export const EVALUATION_CRITERIA = ['feasibility', 'capability', 'cost', 'timeline'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];

export const EVALUATION_CRITERION_LABELS: Record<EvaluationCriterion, string> = {
  feasibility: '技术可行性',
  capability: '团队能力',
  cost: '经费合理性',
  timeline: '进度安排',
};

export const MATCHMAKING_KINDS = ['visit', 'meeting', 'introduction', 'roadshow'] as const;
export type MatchmakingKind = (typeof MATCHMAKING_KINDS)[number];

export const MATCHMAKING_KIND_LABELS: Record<MatchmakingKind, string> = {
  visit: '走访',
  meeting: '洽谈会',
  introduction: '引荐对接',
  roadshow: '路演',
};

export const MATCHMAKING_OUTCOMES = ['follow_up', 'intent', 'agreement', 'no_fit'] as const;
export type MatchmakingOutcome = (typeof MATCHMAKING_OUTCOMES)[number];

export const MATCHMAKING_OUTCOME_LABELS: Record<MatchmakingOutcome, string> = {
  follow_up: '持续跟进',
  intent: '达成合作意向',
  agreement: '签订合作协议',
  no_fit: '暂不匹配',
};

export const CONVERSION_KINDS = ['transfer', 'licence', 'joint_development', 'spin_off'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

export const CONVERSION_KIND_LABELS: Record<ConversionKind, string> = {
  transfer: '技术转让',
  licence: '许可使用',
  joint_development: '合作开发',
  spin_off: '作价入股/孵化企业',
};
