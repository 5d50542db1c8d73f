import { DEMAND_STATUS_LABELS, type DemandPublicSnapshot, type DemandStatus } from '@jiebang/contracts';
import { excerpt, type Message, qaLink } from '../inbox/notification-texts';
import type { ReminderStage } from './alert.repository';

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as Beijing reads it: 2026/12/31 23:59. */
export function beijingTime(at: Date | string): string {
  return beijing.format(new Date(at));
}

const toUsers = (userIds: string[]) => ({ organisations: [], userIds });

/** Why a published need matched a user: the saved searches it answers, the profile terms it holds. */
export interface MatchReasons {
  searches: string[];
  profileTerms: string[];
}

/** The reasons in Chinese, for the email and the stored text. */
export function describeReasons({ searches, profileTerms }: MatchReasons): string {
  return [
    ...searches.map((name) => `您保存的搜索“${name}”`),
    ...(profileTerms.length > 0 ? [`您团队画像中的“${profileTerms.slice(0, 3).join('、')}”`] : []),
  ].join('、');
}

/** A newly published need answers a user's saved search or profile; `reasons` say which. */
export function needMatchedMessage(userId: string, need: DemandPublicSnapshot, reasons: MatchReasons): Message {
  const deadline = need.bidDeadline ? `，揭榜截止 ${beijingTime(need.bidDeadline)}` : '';
  return {
    audience: toUsers([userId]),
    kind: 'need_matched',
    title: '新发布的需求符合您的订阅',
    body: `需求《${need.title}》${need.code ? `（${need.code}）` : ''}已发布，符合${describeReasons(reasons)}${deadline}。`,
    params: {
      need: need.title,
      ...(need.code ? { code: need.code } : {}),
      ...(need.bidDeadline ? { deadline: need.bidDeadline } : {}),
      ...(reasons.searches.length > 0 ? { searches: reasons.searches.join('、') } : {}),
      ...(reasons.profileTerms.length > 0 ? { profileTerms: reasons.profileTerms.slice(0, 3).join('、') } : {}),
    },
    link: `/demands/${need.id}`,
  };
}

export function reminderMessage(
  userIds: string[],
  reminder: { demandId: string; title: string; bidDeadline: Date; stage: ReminderStage },
): Message {
  return {
    audience: toUsers(userIds),
    kind: 'deadline_reminder',
    title: reminder.stage === 'd1' ? '关注的需求即将截止揭榜' : '关注的需求一周内截止揭榜',
    body: `您关注的需求《${reminder.title}》将于 ${beijingTime(reminder.bidDeadline)} 截止揭榜${reminder.stage === 'd1' ? '，剩余不到 1 天' : '，剩余不到 7 天'}。`,
    params: { need: reminder.title, deadline: reminder.bidDeadline.toISOString(), stage: reminder.stage },
    link: `/demands/${reminder.demandId}`,
  };
}

export function followedStatusMessage(userIds: string[], need: DemandPublicSnapshot, to: DemandStatus): Message {
  return {
    audience: toUsers(userIds),
    kind: 'followed_status',
    title: '关注的需求状态有变化',
    body: `您关注的需求《${need.title}》状态变为“${DEMAND_STATUS_LABELS[to]}”。`,
    params: { need: need.title, status: to },
    link: `/demands/${need.id}`,
  };
}

export function followedAnswerMessage(
  userIds: string[],
  need: { id: string; title: string },
  question: string,
): Message {
  return {
    audience: toUsers(userIds),
    kind: 'followed_answer',
    title: '关注的需求有新的答疑',
    body: `您关注的需求《${need.title}》有一条提问已获答复：“${excerpt(question)}”。`,
    params: { need: need.title, question: excerpt(question) },
    link: qaLink(need.id),
  };
}
