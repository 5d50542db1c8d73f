import {
  AWARD_MODE_LABELS,
  BID_STATUS_LABELS,
  CONVERSION_KIND_LABELS,
  COOPERATION_MODE_LABELS,
  DEMAND_STATUS_LABELS,
  DISTRICT_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  EVALUATION_CRITERION_LABELS,
  FEEDBACK_CATEGORY_LABELS,
  INDUSTRY_LABELS,
  MATCHMAKING_KIND_LABELS,
  MATCHMAKING_OUTCOME_LABELS,
  ORGANISATION_KIND_LABELS,
  OUTCOME_FORM_LABELS,
  ROLE_LABELS,
} from '@jiebang/contracts';

/**
 * The Chinese labels of every vocabulary come from @jiebang/contracts, the one place the server
 * also reads them, so they are never written twice; en/vocab.json translates the same keys.
 */
export const zhVocabulary = {
  industry: INDUSTRY_LABELS,
  district: DISTRICT_LABELS,
  cooperationMode: COOPERATION_MODE_LABELS,
  outcomeForm: OUTCOME_FORM_LABELS,
  awardMode: AWARD_MODE_LABELS,
  demandStatus: DEMAND_STATUS_LABELS,
  bidStatus: BID_STATUS_LABELS,
  engagementStatus: ENGAGEMENT_STATUS_LABELS,
  feedbackCategory: FEEDBACK_CATEGORY_LABELS,
  criterion: EVALUATION_CRITERION_LABELS,
  matchmakingKind: MATCHMAKING_KIND_LABELS,
  matchmakingOutcome: MATCHMAKING_OUTCOME_LABELS,
  conversionKind: CONVERSION_KIND_LABELS,
  role: ROLE_LABELS,
  organisationKind: ORGANISATION_KIND_LABELS,
};

export type Vocabulary = keyof typeof zhVocabulary;
