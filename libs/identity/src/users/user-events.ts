import type { DomainEvent } from '@jiebang/contracts';
import { EventBus } from '@jiebang/platform';
import type { User } from './user.entity';

/** Announces a new account, so other contexts can address it (notifications). */
export function userRegistered(user: User): DomainEvent<'identity.user_registered'> {
  return EventBus.envelope('identity.user_registered', user.id, 1, {
    organisationId: user.organisationId,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
  });
}
