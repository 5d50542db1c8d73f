import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { MemberRole, Principal, Role } from '@jiebang/contracts';
import type { FastifyRequest } from 'fastify';
import { platformError } from '../http/domain-error';

export const IS_PUBLIC = 'jiebang:public';
export const ROLES_KEY = 'jiebang:roles';

/** The route answers anonymous callers; a valid token, when sent, is still read. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (authentication is implied). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** The verified caller; on a public route it is `undefined` for anonymous callers. */
export const CurrentUser = createParamDecorator((optional: 'optional' | undefined, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal && optional !== 'optional') throw platformError('AUTH_REQUIRED', 'Sign in to use this route.');
  return principal;
});

/**
 * The organisation an enterprise or team user acts for. The routes that ask admit that role only
 * (`@Roles`); anyone else reaching here is refused rather than trusted.
 */
export function memberOrganisation(caller: Principal, role: MemberRole): string {
  if ((caller.role !== 'enterprise' && caller.role !== 'team') || caller.role !== role) {
    throw platformError('FORBIDDEN', `Only ${role} users may do this.`);
  }
  return caller.organisationId;
}
