import {
  CONVERSION_KIND_LABELS,
  type DomainEvent,
  type EventType,
  FEEDBACK_CATEGORY_LABELS,
  type Role,
} from '@jiebang/contracts';
import type { NotificationParams } from './notification.entity';

/** The events that produce inbox messages about a need. */
export const MESSAGE_EVENTS = [
  'demand.status_changed',
  'demand.question_asked',
  'demand.question_answered',
  'demand.question_moderated',
  'matching.bid_submitted',
  'matching.awarded',
  'matching.milestone_submitted',
  'matching.milestone_accepted',
  'matching.milestone_rejected',
  'matching.milestone_overdue',
  'matching.conversion_recorded',
  'matching.engagement_message_posted',
  'matching.reviewer_assigned',
] as const satisfies readonly EventType[];

export type MessageEventType = (typeof MESSAGE_EVENTS)[number];

/** One of those events, discriminated by its type so each case reads its own payload. */
export type MessageEvent = { [T in MessageEventType]: DomainEvent<T> }[MessageEventType];

/** An organisation's side: its enterprise users (a need's owner) or its team users (a bidder). */
export interface OrganisationSide {
  id: string;
  role: 'enterprise' | 'team';
}

/** Who a message goes to: one side of some organisations, and some users by id. */
export interface Audience {
  organisations: OrganisationSide[];
  userIds: string[];
}

export interface Message {
  audience: Audience;
  kind: string;
  /** The text in simplified Chinese: the email's, and the inbox's for a reader the app cannot localise for. */
  title: string;
  body: string;
  /** What the app's template for `kind` needs to say the same in the reader's language. */
  params: NotificationParams;
  link: string | null;
}

/**
 * What the texts need beyond the event: the need's title and owner, and the advisors serving the
 * owner (for an engagement's thread: serving either party).
 */
export interface MessageContext {
  demandTitle: string;
  ownerOrganisationId: string;
  advisorIds: string[];
}

/** How a thread's message names its author's side. */
const AUTHOR_SIDES: Record<Role, string> = {
  enterprise: '需求方',
  team: '揭榜团队',
  advisor: '科技顾问',
  admin: '项目办',
};

const owner = (id: string): OrganisationSide => ({ id, role: 'enterprise' });
const team = (id: string): OrganisationSide => ({ id, role: 'team' });
const sides = (...organisations: OrganisationSide[]): Audience => ({ organisations, userIds: [] });

/** A question quoted in a message: its first 60 characters. */
export function excerpt(text: string): string {
  const characters = [...text];
  return characters.length > 60 ? `${characters.slice(0, 60).join('')}…` : text;
}

/** Where a need's Q&A opens in the app. */
export const qaLink = (demandId: string): string => `/demands/${demandId}?tab=qa`;

/** The messages an event produces, in simplified Chinese; none for events nobody needs to hear about. */
export function messagesFor(event: MessageEvent, context: MessageContext): Message[] {
  const need = `《${context.demandTitle}》`;
  switch (event.type) {
    case 'demand.status_changed': {
      const { demand, to } = event.payload;
      if (to === 'approved') {
        return [
          {
            audience: sides(owner(demand.ownerOrganisationId)),
            kind: 'demand_approved',
            params: { need: context.demandTitle, ...(demand.code ? { code: demand.code } : {}) },
            title: '需求已通过审核',
            body: `您提交的需求${need}已通过项目办审核${demand.code ? `，编号 ${demand.code}` : ''}，将在榜单发布会上发布。`,
            link: `/demands/${demand.id}`,
          },
        ];
      }
      if (to === 'returned') {
        return [
          {
            audience: sides(owner(demand.ownerOrganisationId)),
            kind: 'demand_returned',
            params: { need: context.demandTitle },
            title: '需求被退回修改',
            body: `您提交的需求${need}被项目办退回，请查看退回意见并修改后重新提交。`,
            link: `/demands/${demand.id}`,
          },
        ];
      }
      return [];
    }
    case 'demand.question_asked': {
      const { demandId, question } = event.payload;
      return [
        {
          audience: { organisations: [owner(context.ownerOrganisationId)], userIds: context.advisorIds },
          kind: 'question_asked',
          params: { need: context.demandTitle, question: excerpt(question) },
          title: '收到新的答疑提问',
          body: `需求${need}收到一条新的提问：“${excerpt(question)}”。答复后问答将对所有人公开，提问团队的名称不会公开。`,
          link: qaLink(demandId),
        },
      ];
    }
    case 'demand.question_answered': {
      const { demandId, question, askerOrganisationId } = event.payload;
      return [
        {
          audience: sides(team(askerOrganisationId)),
          kind: 'question_answered',
          params: { need: context.demandTitle, question: excerpt(question) },
          title: '您的提问已获答复',
          body: `您在需求${need}提出的问题“${excerpt(question)}”已获答复，问答已对所有人公开。`,
          link: qaLink(demandId),
        },
        {
          audience: sides(owner(context.ownerOrganisationId)),
          kind: 'question_answer_published',
          params: { need: context.demandTitle, question: excerpt(question) },
          title: '答疑已公开',
          body: `需求${need}的提问“${excerpt(question)}”已答复，问答已对所有人公开。`,
          link: qaLink(demandId),
        },
      ];
    }
    case 'demand.question_moderated': {
      const { demandId, askerOrganisationId, hidden, reason } = event.payload;
      return [
        hidden
          ? {
              audience: sides(team(askerOrganisationId)),
              kind: 'question_hidden',
              params: { need: context.demandTitle, reason: reason ?? '—' },
              title: '您的提问已被项目办隐藏',
              body: `您在需求${need}提出的一条问题已被项目办隐藏，原因：${reason ?? '无'}。`,
              link: qaLink(demandId),
            }
          : {
              audience: sides(team(askerOrganisationId)),
              kind: 'question_restored',
              params: { need: context.demandTitle },
              title: '您的提问已恢复显示',
              body: `您在需求${need}提出的一条问题已由项目办恢复显示。`,
              link: qaLink(demandId),
            },
      ];
    }
    case 'matching.bid_submitted': {
      const { bidId } = event.payload;
      return [
        {
          audience: { organisations: [owner(context.ownerOrganisationId)], userIds: context.advisorIds },
          kind: 'bid_submitted',
          params: { need: context.demandTitle },
          title: '收到新的揭榜申报',
          body: `需求${need}收到一份新的揭榜申报。`,
          link: `/bids/${bidId}`,
        },
      ];
    }
    case 'matching.awarded': {
      const { winners, losers } = event.payload;
      return [
        ...winners.map((winner) => ({
          audience: sides(team(winner.teamOrganisationId)),
          kind: 'bid_awarded',
          params: { need: context.demandTitle },
          title: '恭喜！揭榜申报已入选',
          body: `您对需求${need}的揭榜申报已入选（挂帅），请在“我的项目”中查看里程碑计划。`,
          link: `/bids/${winner.bidId}`,
        })),
        ...losers.map((loser) => ({
          audience: sides(team(loser.teamOrganisationId)),
          kind: 'bid_not_selected',
          params: { need: context.demandTitle, category: loser.feedbackCategory },
          title: '揭榜结果通知：未入选',
          body: `您对需求${need}的揭榜申报未入选，原因：${FEEDBACK_CATEGORY_LABELS[loser.feedbackCategory]}。请查看需求方的反馈意见。`,
          link: `/bids/${loser.bidId}`,
        })),
      ];
    }
    case 'matching.milestone_submitted':
    case 'matching.milestone_accepted':
    case 'matching.milestone_rejected':
    case 'matching.milestone_overdue': {
      const payload = event.payload;
      const milestone = `里程碑“${payload.milestoneTitle}”`;
      const link = `/engagements/${payload.engagementId}`;
      if (event.type === 'matching.milestone_submitted') {
        return [
          {
            audience: sides(owner(payload.ownerOrganisationId)),
            kind: 'milestone_submitted',
            params: { need: context.demandTitle, milestone: payload.milestoneTitle },
            title: '里程碑待验收',
            body: `需求${need}的${milestone}已提交成果，请及时验收。`,
            link,
          },
        ];
      }
      if (event.type === 'matching.milestone_accepted') {
        return [
          {
            audience: sides(team(payload.teamOrganisationId)),
            kind: 'milestone_accepted',
            params: { need: context.demandTitle, milestone: payload.milestoneTitle },
            title: '里程碑已通过验收',
            body: `需求${need}的${milestone}已通过需求方验收。`,
            link,
          },
        ];
      }
      if (event.type === 'matching.milestone_rejected') {
        return [
          {
            audience: sides(team(payload.teamOrganisationId)),
            kind: 'milestone_rejected',
            params: { need: context.demandTitle, milestone: payload.milestoneTitle, reason: payload.reason ?? '—' },
            title: '里程碑未通过验收',
            body: `需求${need}的${milestone}未通过验收，意见：${payload.reason ?? '无'}。请修改后重新提交。`,
            link,
          },
        ];
      }
      return [
        {
          audience: {
            organisations: [team(payload.teamOrganisationId), owner(payload.ownerOrganisationId)],
            userIds: context.advisorIds,
          },
          kind: 'milestone_overdue',
          params: { need: context.demandTitle, milestone: payload.milestoneTitle },
          title: '里程碑已逾期',
          body: `需求${need}的${milestone}已过计划完成日期，尚未提交成果。`,
          link,
        },
      ];
    }
    case 'matching.engagement_message_posted': {
      // Everyone in the thread but the author's own side: the other party, the advisors of either
      // and the office users who have written there.
      const payload = event.payload;
      const parties = [team(payload.teamOrganisationId), owner(payload.ownerOrganisationId)].filter(
        (side) => !(side.id === payload.authorOrganisationId && side.role === payload.authorRole),
      );
      const userIds = [...new Set([...context.advisorIds, ...payload.adminIds])].filter(
        (id) => id !== payload.authorId,
      );
      return [
        {
          audience: { organisations: parties, userIds },
          kind: 'engagement_message',
          params: { need: context.demandTitle, authorRole: payload.authorRole, excerpt: payload.excerpt },
          title: '项目沟通有新消息',
          body: `${AUTHOR_SIDES[payload.authorRole]}在需求${need}的项目沟通中留言：“${payload.excerpt}”`,
          link: `/engagements/${payload.engagementId}`,
        },
      ];
    }
    case 'matching.reviewer_assigned': {
      const { demandId, userId } = event.payload;
      return [
        {
          audience: { organisations: [], userIds: [userId] },
          kind: 'reviewer_assigned',
          params: { need: context.demandTitle },
          title: '邀请您评审揭榜申报',
          body: `需求方邀请您作为评审专家，为需求${need}的揭榜申报打分。`,
          link: `/reviews/${demandId}`,
        },
      ];
    }
    case 'matching.conversion_recorded': {
      const { demandId, kind, contractValue } = event.payload;
      if (!demandId) return [];
      return [
        {
          audience: sides(owner(context.ownerOrganisationId)),
          kind: 'conversion_recorded',
          params: { need: context.demandTitle, conversionKind: kind, contractValue },
          title: '成果转化已登记',
          body: `科技顾问已为需求${need}登记一项成果转化（${CONVERSION_KIND_LABELS[kind]}，合同金额 ${contractValue} 万元）。`,
          link: `/demands/${demandId}`,
        },
      ];
    }
  }
}
