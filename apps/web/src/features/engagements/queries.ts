import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';
import { demandKeys } from '../enterprise/queries';
import { teamKeys } from '../team/queries';

type Engagement = Schema<'EngagementView'>;
type Message = Schema<'MessageView'>;

/** What the thread panel holds: the messages loaded so far, oldest first, and the caller's read state. */
export interface Thread {
  items: Message[];
  hasEarlier: boolean;
  lastSeq: number;
  readUpTo: number;
  unread: number;
  writable: boolean;
}

export const engagementKeys = {
  detail: (id: string) => ['engagement', id] as const,
  demand: (id: string) => ['engagement', id, 'demand'] as const,
  thread: (id: string) => ['engagement', id, 'thread'] as const,
  ofBid: (bidId: string) => ['engagements', 'of-bid', bidId] as const,
};

/** The attachments route of a milestone, for the file panel. */
export const milestoneFiles = (engagementId: string, milestoneId: string) =>
  `/api/v1/engagements/${engagementId}/milestones/${milestoneId}/attachments`;

/** The attachments route of a thread message, for the file panel and uploads. */
export const messageFiles = (engagementId: string, messageId: string) =>
  `/api/v1/engagements/${engagementId}/messages/${messageId}/attachments`;

export function useEngagement(id: string) {
  return useQuery({
    queryKey: engagementKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/engagements/{id}', { params: { path: { id } } })),
  });
}

/** The need an engagement delivers, for its owner's name. */
export function useEngagementDemand(engagement: Engagement) {
  return useQuery({
    queryKey: engagementKeys.demand(engagement.id),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id: engagement.demandId } } })),
  });
}

/** The engagement an awarded bid became; engagements are listed, not looked up by bid, so search the pages. */
export function useEngagementOfBid(bidId: string) {
  return useQuery({
    queryKey: engagementKeys.ofBid(bidId),
    queryFn: async () => {
      const pageSize = 100;
      for (let page = 1; ; page += 1) {
        const found = await unwrap(api.GET('/api/v1/engagements', { params: { query: { page, pageSize } } }));
        const match = found.items.find((item) => item.bidId === bidId);
        if (match) return match;
        if (page * pageSize >= found.total) return null;
      }
    },
  });
}

/** Caches an engagement a milestone move returned. */
export function useUpdateEngagement(engagementId: string) {
  const queryClient = useQueryClient();
  return (engagement: Engagement) => {
    queryClient.setQueryData(engagementKeys.detail(engagementId), engagement);
    // The need's status may move too (攻关中, 已完成).
    void queryClient.invalidateQueries({ queryKey: demandKeys.scope });
  };
}

type MilestonePath = { id: string; milestoneId: string };

export function submitMilestone(path: MilestonePath, body: Schema<'SubmitMilestoneDto'>) {
  return unwrap(api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/submit', { params: { path }, body }));
}

export function acceptMilestone(path: MilestonePath) {
  return unwrap(api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/accept', { params: { path } }));
}

export function rejectMilestone(path: MilestonePath, body: Schema<'RejectMilestoneDto'>) {
  return unwrap(api.POST('/api/v1/engagements/{id}/milestones/{milestoneId}/reject', { params: { path }, body }));
}

const THREAD_PAGE = 50;
const THREAD_POLL_MS = 15_000;
/** Each poll reads the last few messages again: their authors may still be attaching files to them. */
const REREAD = 3;

/** Both lists merged by place, without duplicates. */
export function mergeMessages(older: Message[], newer: Message[]): Message[] {
  const bySeq = new Map([...older, ...newer].map((message) => [message.seq, message]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The thread: first its latest messages, then — on every poll, focus or post — only those after
 * the last one held, so a long conversation is never fetched twice.
 */
export function useThread(engagementId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: engagementKeys.thread(engagementId),
    queryFn: async (): Promise<Thread> => {
      const known = queryClient.getQueryData<Thread>(engagementKeys.thread(engagementId));
      const path = { id: engagementId };
      if (!known) {
        const page = await unwrap(
          api.GET('/api/v1/engagements/{id}/messages', { params: { path, query: { limit: THREAD_PAGE } } }),
        );
        return { ...page, hasEarlier: page.hasMore };
      }
      let items = known.items;
      let after = Math.max(0, (items.at(-1)?.seq ?? 0) - REREAD);
      for (;;) {
        const page = await unwrap(
          api.GET('/api/v1/engagements/{id}/messages', { params: { path, query: { after, limit: 100 } } }),
        );
        items = mergeMessages(items, page.items);
        if (!page.hasMore) return { ...page, items, hasEarlier: known.hasEarlier };
        after = items.at(-1)!.seq;
      }
    },
    refetchInterval: THREAD_POLL_MS,
  });
}

/** The page of messages before `before`. */
export function fetchEarlierMessages(engagementId: string, before: number) {
  return unwrap(
    api.GET('/api/v1/engagements/{id}/messages', {
      params: { path: { id: engagementId }, query: { before, limit: THREAD_PAGE } },
    }),
  );
}

/** Marks the thread read up to a message; the unread badges of the engagement and of the lists follow. */
export function useMarkThreadRead(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/messages/read', {
          params: { path: { id: engagementId } },
          body: { messageId },
        }),
      ),
    onSuccess: (state) => {
      queryClient.setQueryData<Thread>(engagementKeys.thread(engagementId), (old) =>
        old ? { ...old, ...state } : old,
      );
      void queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId), exact: true });
      void queryClient.invalidateQueries({ queryKey: teamKeys.engagements });
      void queryClient.invalidateQueries({ queryKey: demandKeys.scope });
    },
  });
}

export function postThreadMessage(engagementId: string, body: string) {
  return unwrap(
    api.POST('/api/v1/engagements/{id}/messages', { params: { path: { id: engagementId } }, body: { body } }),
  );
}
