import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { toSession, sessionStore } from '../../api/session';
import type { Schema } from '../../api/types';
import { HOME_BY_ROLE } from '../../app/RequireRole';

/** Keeps the tokens and goes back where the user was sent from, else to their role's home. */
export function useSignIn(): (tokens: Schema<'TokenResponse'>) => void {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  return (tokens) => {
    queryClient.clear();
    sessionStore.set(toSession(tokens));
    const next = params.get('next');
    void navigate(next?.startsWith('/') ? next : HOME_BY_ROLE[tokens.user.role], { replace: true });
  };
}
