/** The one role each user has (docs/architecture.md, "The product and its users"). */
export const ROLES = ['enterprise', 'team', 'advisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone may register for themselves; the others are created by an admin. */
export const SELF_REGISTERED_ROLES = ['enterprise', 'team'] as const satisfies readonly Role[];
export type SelfRegisteredRole = (typeof SELF_REGISTERED_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  enterprise: '企业',
  team: '揭榜团队',
  advisor: '科技顾问',
  admin: '项目办',
};

export const ORGANISATION_KINDS = ['enterprise', 'university', 'institute', 'company'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  enterprise: '企业',
  university: '高校',
  institute: '科研院所',
  company: '科技公司',
};

/** Organisation kinds a self-registering role may create or join. */
export const ORGANISATION_KINDS_BY_ROLE: Record<SelfRegisteredRole, readonly OrganisationKind[]> = {
  enterprise: ['enterprise', 'company'],
  team: ['university', 'institute', 'company', 'enterprise'],
};
