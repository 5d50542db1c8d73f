import { useSession } from '../../api/session';
import type { Schema } from '../../api/types';

export type Side = 'team' | 'owner' | null;

/** Which party the signed-in user acts for; the server checks the same. */
export function useSide(engagement: Schema<'EngagementView'>): Side {
  const user = useSession()?.user;
  if (!user || engagement.status === 'cancelled') return null;
  const organisation = user.organisation?.id;
  if (user.role === 'team' && organisation === engagement.teamOrganisationId) return 'team';
  if (user.role === 'enterprise' && organisation === engagement.ownerOrganisationId) return 'owner';
  return null;
}
