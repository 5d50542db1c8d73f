import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@jiebang/contracts';
import { platformError } from '../http/domain-error';
import { AccountStatus } from './account-status';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { TokenService } from './token.service';

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and @Roles()
 * narrows who may call it. A bad token is refused even on a public route, so a client learns
 * its token is stale instead of silently seeing the anonymous view. A deactivated account's token
 * is refused on every request, reads included, within AccountStatus's few seconds of cache.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: AccountStatus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw platformError('TOKEN_INVALID', 'Send the access token as "Authorization: Bearer <token>".');
      }
      const principal = await this.tokens.verifyAccess(token);
      if (!(await this.accounts.isActive(principal.userId))) {
        throw platformError('TOKEN_INVALID', 'This account has been deactivated; its tokens are no longer accepted.');
      }
      request.principal = principal;
    }
    if (isPublic) return true;
    if (!request.principal) throw platformError('AUTH_REQUIRED', 'Sign in to use this route.');
    if (roles.length > 0 && !roles.includes(request.principal.role)) {
      throw platformError('FORBIDDEN', `This route is for ${roles.join(', ')} accounts.`);
    }
    return true;
  }
}
