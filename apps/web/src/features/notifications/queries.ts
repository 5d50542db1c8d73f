import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';

export type Subscription = Schema<'SubscriptionView'>;
export type NewSubscription = Schema<'CreateSubscriptionDto'>;
export type Preference = Schema<'PreferenceDto'>;

export const alertKeys = {
  subscriptions: ['subscriptions'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

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
