import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import { notificationsError } from '../notifications.errors';
import { ALERT_KINDS, DEFAULT_CHANNELS } from './alert-kinds';
import type { PreferencesDto, PreferencesView, UnsubscribeView } from './preference.dto';
import { PreferenceRepository } from './preference.repository';
import { UnsubscribeTokens } from './unsubscribe-token';

/** Each user's channels per alert kind, and the one-click unsubscribe of the emails' links. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly preferences: PreferenceRepository,
    private readonly transactions: Transactions,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async of(caller: Principal): Promise<PreferencesView> {
    const set = await this.preferences.of(caller.userId);
    return { items: ALERT_KINDS.map((kind) => ({ kind, ...(set.get(kind) ?? DEFAULT_CHANNELS) })) };
  }

  async update(dto: PreferencesDto, caller: Principal): Promise<PreferencesView> {
    await this.transactions.run(async (manager) => {
      for (const item of dto.items) {
        await this.preferences.set(caller.userId, item.kind, { inApp: item.inApp, email: item.email }, manager);
      }
    });
    return this.of(caller);
  }

  /** Turns off the emails of the token's alert kind for the token's user; repeating it changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const holder = this.tokens.verify(token);
    if (!holder) throw notificationsError('UNSUBSCRIBE_TOKEN_INVALID', 'This unsubscribe link is not valid.');
    await this.preferences.set(holder.userId, holder.kind, { email: false });
    return { kind: holder.kind, email: false };
  }
}
