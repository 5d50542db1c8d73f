import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

export interface RefreshTokenState {
  id: string;
  userId: string;
  familyId: string;
  secretHash: Buffer;
  used: boolean;
  revoked: boolean;
  expired: boolean;
}

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  secret_hash: Buffer;
  used: boolean;
  revoked: boolean;
  expired: boolean;
}

@Injectable()
export class RefreshTokenRepository {
  /** Inserts a token expiring `ttlSeconds` from now by the database's clock. */
  async insert(
    token: { userId: string; familyId: string; secretHash: Buffer },
    ttlSeconds: number,
    manager: EntityManager,
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO identity.refresh_token (user_id, family_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
      [token.userId, token.familyId, token.secretHash, ttlSeconds],
    );
    return rows[0].id;
  }

  /** Reads and locks a token, judging expiry by database time. */
  async lock(id: string, manager: EntityManager): Promise<RefreshTokenState | null> {
    const rows = await manager.query<TokenRow[]>(
      `SELECT id, user_id, family_id, secret_hash, used_at IS NOT NULL AS used,
              revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired
         FROM identity.refresh_token WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          familyId: row.family_id,
          secretHash: row.secret_hash,
          used: row.used,
          revoked: row.revoked,
          expired: row.expired,
        }
      : null;
  }

  async markUsed(id: string, manager: EntityManager): Promise<void> {
    await manager.update(RefreshToken, { id }, { usedAt: () => 'now()' });
  }

  /** Ends every session of a user. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE identity.refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }

  async revokeFamily(familyId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE identity.refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }
}
