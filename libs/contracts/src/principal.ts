import type { Role } from './roles';

/** Who is calling: the verified claims of an access token, the same in every service. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string | null;
}
