import type {
  AwardMode,
  ConversionKind,
  CooperationMode,
  DemandStatus,
  District,
  FeedbackCategory,
  Industry,
  OutcomeForm,
  TechnicalIndicator,
} from './catalogue';
import type { OrganisationKind, Role } from './roles';

/**
 * The envelope every domain event travels in. `version` is the aggregate's version after the
 * change, so a consumer can ignore a late duplicate that would overwrite newer data.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  aggregateId: string;
  version: number;
  occurredAt: string;
  payload: TPayload;
  /** W3C trace context of the publishing request when tracing is on: the consumer's span joins its trace. */
  traceparent?: string;
  tracestate?: string;
}

export interface OrganisationRegisteredPayload {
  name: string;
  kind: OrganisationKind;
}

/** A user account exists (aggregate: the user); notifications address users by it. */
export interface UserRegisteredPayload {
  organisationId: string | null;
  role: Role;
  email: string;
  displayName: string;
}

export interface AdvisorAssignmentsChangedPayload {
  /** The complete set of enterprise organisations the advisor serves after the change. */
  organisationIds: string[];
}

/**
 * The public face of a need, as search and matching may hold it. Never carries confidential
 * details or contacts.
 */
export interface DemandPublicSnapshot {
  id: string;
  code: string | null;
  title: string;
  summary: string;
  background: string;
  indicators: TechnicalIndicator[];
  outcomeForm: OutcomeForm;
  industry: Industry;
  keywords: string[];
  district: District;
  bountyMin: number;
  bountyMax: number;
  cooperationMode: CooperationMode;
  awardMode: AwardMode;
  /** How many lead teams may be awarded: 1 for `single`, N for `parallel`. */
  awardLeads: number;
  bidDeadline: string | null;
  status: DemandStatus;
  ownerOrganisationId: string;
  ownerName: string | null;
  batchId: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface DemandSnapshotPayload {
  demand: DemandPublicSnapshot;
}

export interface DemandStatusChangedPayload extends DemandSnapshotPayload {
  from: DemandStatus;
  to: DemandStatus;
}

/** A team asked a question (答疑) on a published need (aggregate: the question). */
export interface DemandQuestionAskedPayload {
  questionId: string;
  demandId: string;
  /** The asking team: never shown to other teams or the public. */
  askerOrganisationId: string;
  question: string;
}

/** The need's owner or its advisor answered a question; it is public from now on (aggregate: the question). */
export interface DemandQuestionAnsweredPayload extends DemandQuestionAskedPayload {
  answer: string;
  answeredByRole: 'enterprise' | 'advisor';
}

/** The office hid an improper question, or showed it again (aggregate: the question). */
export interface DemandQuestionModeratedPayload {
  questionId: string;
  demandId: string;
  askerOrganisationId: string;
  hidden: boolean;
  /** Why it was hidden; null when it is shown again. */
  reason: string | null;
}

/** A team submitted a bid on a need, or withdrew a submitted one (aggregate: the bid). */
export interface MatchingBidSubmittedPayload {
  bidId: string;
  demandId: string;
  teamOrganisationId: string;
}

/** The owner chose the winning bids of a need (aggregate: the need). */
export interface MatchingAwardedPayload {
  demandId: string;
  winners: Array<{ bidId: string; teamOrganisationId: string }>;
  /** Every other submitted bid, with the feedback its team reads. */
  losers: Array<{ bidId: string; teamOrganisationId: string; feedbackCategory: FeedbackCategory }>;
}

/** A milestone of an engagement moved (aggregate: the engagement). */
export interface MatchingMilestonePayload {
  engagementId: string;
  demandId: string;
  milestoneId: string;
  milestoneTitle: string;
  teamOrganisationId: string;
  ownerOrganisationId: string;
  reason: string | null;
}

/**
 * A message was posted in an engagement's thread (aggregate: the engagement; version: the
 * message's place in the thread). Carries who wrote it so that notifications never tell the author.
 */
export interface MatchingEngagementMessagePostedPayload {
  engagementId: string;
  demandId: string;
  messageId: string;
  seq: number;
  authorId: string;
  authorRole: Role;
  /** The author's organisation (null for advisors and the office). */
  authorOrganisationId: string | null;
  teamOrganisationId: string;
  ownerOrganisationId: string;
  /** The start of the text, for the notification; the message itself stays in matching. */
  excerpt: string;
  /** Office users who have written in this thread: they hear of replies. */
  adminIds: string[];
}

/** An advisor recorded an achievement converted into a deal (aggregate: the conversion). */
/** The owner (or the office) asked a user, e.g. an outside expert, to score a need's bids. */
export interface MatchingReviewerAssignedPayload {
  demandId: string;
  userId: string;
  assignedBy: string;
}

export interface MatchingConversionRecordedPayload {
  conversionId: string;
  advisorId: string;
  demandId: string | null;
  kind: ConversionKind;
  contractValue: number;
}

/** Work started under an award (aggregate: the engagement). */
export interface MatchingEngagementStartedPayload {
  demandId: string;
}

/** An engagement's last milestone was accepted (aggregate: the engagement). */
export interface MatchingEngagementCompletedPayload {
  demandId: string;
  /** True when every engagement of the need is complete, so the need is. */
  allEngagementsCompleted: boolean;
}

/** A research team's public profile, as matching publishes it for search (aggregate: the profile). */
export interface TeamProfileUpdatedPayload {
  organisationId: string;
  name: string;
  summary: string;
  researchFields: string[];
  keywords: string[];
  achievements: Array<{ title: string; year: number }>;
  /** False when the team withdrew its profile from the marketplace. */
  visible: boolean;
}

/** Payload types by event name: the single list of events contexts exchange. */
export interface EventPayloads {
  'identity.organisation_registered': OrganisationRegisteredPayload;
  'identity.advisor_assignments_changed': AdvisorAssignmentsChangedPayload;
  'identity.user_registered': UserRegisteredPayload;
  'demand.published': DemandSnapshotPayload;
  'demand.updated': DemandSnapshotPayload;
  'demand.withdrawn': DemandSnapshotPayload;
  'demand.status_changed': DemandStatusChangedPayload;
  'demand.question_asked': DemandQuestionAskedPayload;
  'demand.question_answered': DemandQuestionAnsweredPayload;
  'demand.question_moderated': DemandQuestionModeratedPayload;
  'matching.awarded': MatchingAwardedPayload;
  'matching.engagement_started': MatchingEngagementStartedPayload;
  'matching.engagement_completed': MatchingEngagementCompletedPayload;
  'matching.team_profile_updated': TeamProfileUpdatedPayload;
  'matching.bid_submitted': MatchingBidSubmittedPayload;
  'matching.bid_withdrawn': MatchingBidSubmittedPayload;
  'matching.milestone_submitted': MatchingMilestonePayload;
  'matching.milestone_accepted': MatchingMilestonePayload;
  'matching.milestone_rejected': MatchingMilestonePayload;
  'matching.milestone_overdue': MatchingMilestonePayload;
  'matching.conversion_recorded': MatchingConversionRecordedPayload;
  'matching.reviewer_assigned': MatchingReviewerAssignedPayload;
  'matching.engagement_message_posted': MatchingEngagementMessagePostedPayload;
}

export type EventType = keyof EventPayloads;
export type DomainEvent<T extends EventType = EventType> = EventEnvelope<T, EventPayloads[T]>;

/**
 * Which consumers receive which events. Every service declares the whole topology at start, so
 * an event published while its consumer's service is down still waits in that consumer's queue.
 * Consumers are added here by the contexts that introduce them.
 */
export type EventTopology = Readonly<Record<string, readonly string[]>>;

export const EVENT_TOPOLOGY: EventTopology = {
  'identity.organisation_registered': ['demand', 'matching'],
  'identity.advisor_assignments_changed': ['demand', 'matching', 'notifications'],
  'identity.user_registered': ['matching', 'notifications'],
  'demand.published': ['search', 'matching', 'notifications'],
  'demand.updated': ['search', 'matching', 'notifications'],
  'demand.withdrawn': ['search', 'matching', 'notifications'],
  'demand.status_changed': ['search', 'matching', 'notifications'],
  'demand.question_asked': ['notifications'],
  'demand.question_answered': ['notifications'],
  'demand.question_moderated': ['notifications'],
  'matching.awarded': ['demand', 'notifications'],
  'matching.engagement_started': ['demand'],
  'matching.engagement_completed': ['demand'],
  'matching.team_profile_updated': ['search', 'notifications'],
  'matching.bid_submitted': ['notifications', 'search'],
  'matching.bid_withdrawn': ['search'],
  'matching.milestone_submitted': ['notifications'],
  'matching.milestone_accepted': ['notifications'],
  'matching.milestone_rejected': ['notifications'],
  'matching.milestone_overdue': ['notifications'],
  'matching.conversion_recorded': ['notifications'],
  'matching.reviewer_assigned': ['notifications'],
  'matching.engagement_message_posted': ['notifications'],
} satisfies Record<EventType, readonly string[]>;
