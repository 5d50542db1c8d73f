import type { Role } from './roles';

/** The roles whose users always act for an organisation: an enterprise, or a team's institution. */
export type MemberRole = 'enterprise' | 'team';

/**
 * Who is calling: the verified claims of an access token, the same in every service. Checking the
 * role tells the type whether there is an organisation: an enterprise or team user always has one;
 * an advisor or admin may (an office member seconded from an institution) or may not.
 */
export type Principal =
  | { userId: string; role: MemberRole; organisationId: string }
  | { userId: string; role: Exclude<Role, MemberRole>; organisationId: string | null };

/** The principal of a user, or null when the claims cannot belong together (a member without organisation). */
export function principalOf(userId: string, role: Role, organisationId: string | null): Principal | null {
  if (role === 'enterprise' || role === 'team')
    return organisationId === null ? null : { userId, role, organisationId };
  return { userId, role, organisationId };
}
