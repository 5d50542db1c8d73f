import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './problem';
import { sessionStore, toSession } from './session';
import type { paths } from './types';

/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;
let refreshing: Promise<void> | null = null;

async function refreshSession(): Promise<void> {
  const session = sessionStore.get();
  if (!session) return;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  });
  sessionStore.set(response.ok ? toSession((await response.json()) as Parameters<typeof toSession>[0]) : null);
}

/** A valid access token, refreshing it once for all concurrent callers when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  const session = sessionStore.get();
  if (!session) return null;
  if (session.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    refreshing ??= refreshSession().finally(() => (refreshing = null));
    await refreshing;
  }
  return sessionStore.get()?.accessToken ?? null;
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // A revoked or expired session: forget it, so the app shows the login page.
    if (response.status === 401 && sessionStore.get()) sessionStore.set(null);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** The data of a call, or an ApiError carrying the problem+json body. */
export async function unwrap<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (result.error !== undefined || !result.response.ok) throw ApiError.from(result.response, result.error);
  return result.data as D;
}
