import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { type Principal, principalOf, type Role, ROLES } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { platformError } from '../http/domain-error';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  typ: 'access';
  iat?: number;
  exp?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ISSUER = 'jiebang';

/** Signs and verifies access tokens; every service verifies locally with the shared secret. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTtlSeconds(): number {
    return this.config.jwt.accessTtlSeconds;
  }

  async signAccess(principal: Principal): Promise<string> {
    const claims: AccessClaims = {
      sub: principal.userId,
      role: principal.role,
      org: principal.organisationId,
      typ: 'access',
    };
    // Signed and verified with the key object JwtModule holds (see PlatformModule).
    return this.jwt.signAsync(claims, {
      expiresIn: this.config.jwt.accessTtlSeconds,
      issuer: ISSUER,
      algorithm: 'HS256',
    });
  }

  async verifyAccess(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw platformError('TOKEN_EXPIRED', 'The access token has expired; refresh it.');
      throw platformError('TOKEN_INVALID', 'The access token is not valid.');
    }
    // The `issuer` option requires iss, but exp and iat are checked only when present: a token
    // signed without them would never expire.
    const principal =
      claims.typ === 'access' &&
      typeof claims.exp === 'number' &&
      typeof claims.iat === 'number' &&
      typeof claims.sub === 'string' &&
      UUID.test(claims.sub) &&
      ROLES.includes(claims.role)
        ? principalOf(claims.sub, claims.role, claims.org ?? null)
        : null;
    if (!principal) throw platformError('TOKEN_INVALID', 'The access token is not valid.');
    return principal;
  }
}
