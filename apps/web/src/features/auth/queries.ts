import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';

/** Signs in: the tokens and the user. */
export function authenticate(body: Schema<'LoginDto'>) {
  return unwrap(api.POST('/api/v1/auth/login', { body }));
}

export function registerAccount(body: Schema<'RegisterDto'>) {
  return unwrap(api.POST('/api/v1/auth/register', { body }));
}
