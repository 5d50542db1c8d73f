import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';

export type Subscription = Schema<'SubscriptionView'>;
export type NewSubscription = Schema<'CreateSubscriptionDto'>;
export type Preference = Schema<'PreferenceDto'>;

/** The inbox; every notification query sits under its root, so a read refreshes them all. */
export const notificationKeys = {
  all: ['notifications'] as const,
  page: (page: number) => ['notifications', page] as const,
  unread: ['notifications', 'unread'] as const,
};

export const alertKeys = {
  subscriptions: ['subscriptions'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function useNotifications(page: number, pageSize: number) {
  return useQuery({
    queryKey: notificationKeys.page(page),
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { page, pageSize } } })),
  });
}

/** The header's badge: polled, so notifications show up without a reload. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** My subscriptions; only asked for when signed in. */
export function useSubscriptions(enabled = true) {
  return useQuery({
    queryKey: alertKeys.subscriptions,
    queryFn: () => unwrap(api.GET('/api/v1/subscriptions')),
    enabled,
  });
}

export function useSubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSubscription) => unwrap(api.POST('/api/v1/subscriptions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.subscriptions }),
  });
}

export function useUnsubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/subscriptions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.subscriptions }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: alertKeys.preferences,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/preferences')),
  });
}

export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Preference) => unwrap(api.PUT('/api/v1/notifications/preferences', { body: { items: [item] } })),
    onSuccess: (data) => queryClient.setQueryData(alertKeys.preferences, data),
  });
}

/** The one-click unsubscribe of an email's link: the token is the authorisation. */
export function useUnsubscribeByToken() {
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/v1/notifications/unsubscribe', { params: { query: { token } } })),
  });
}
