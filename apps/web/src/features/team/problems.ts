import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { translateKey } from '../../i18n';
import { useFormProblems, useProblemText } from '../../shared/problems';

/**
 * The shared problem texts, with the bid and profile conflicts (deadline passed, version changed,
 * achievement in use…) explained in the team's own words instead of the server's English detail.
 */
export function useTeamProblems() {
  const { i18n } = useTranslation('team');
  const formProblems = useFormProblems();
  const problemText = useProblemText();
  const known = useCallback(
    (error: unknown): string | null => {
      if (!(error instanceof ApiError)) return null;
      const key = `team:problems.${error.code}`;
      return i18n.exists(key) ? translateKey(key) : null;
    },
    [i18n],
  );
  return {
    text: useCallback((error: unknown) => known(error) ?? problemText(error), [known, problemText]),
    formText: useCallback(
      (form: FormInstance, error: unknown) => known(error) ?? formProblems(form, error),
      [known, formProblems],
    ),
  };
}
