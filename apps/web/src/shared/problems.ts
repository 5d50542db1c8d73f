import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldPath } from '../api/problem';
import { translateKey } from '../i18n';
import { rememberServerErrors } from './staleErrors';

/** A readable sentence for any error: the translated problem code, else the server's detail. */
export function useProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === 'NETWORK') return t('error.network');
        const key = `problems:${error.code}`;
        if (i18n.exists(key)) return translateKey(key);
        return error.status >= 500 ? t('error.server') : error.message;
      }
      return t('error.server');
    },
    [t, i18n],
  );
}

/**
 * Shows a failed submission on the form: field errors beside their fields (translated by their
 * validator code), anything else returned as text for a message. The typed values stay in place.
 */
export function useFormProblems(): (form: FormInstance, error: unknown) => string {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  return useCallback(
    (form: FormInstance, error: unknown) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const byField = new Map<string, string[]>();
        for (const problem of error.fieldErrors) {
          const key = `validation:${problem.code}`;
          const text = i18n.exists(key) ? translateKey(key) : problem.message;
          byField.set(problem.field, [...(byField.get(problem.field) ?? []), text]);
        }
        form.setFields([...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })));
        rememberServerErrors(form, [...byField.keys()].map(fieldPath));
        const first = error.fieldErrors[0]?.field;
        if (first) form.scrollToField(fieldPath(first));
        return t('error.fields');
      }
      return problemText(error);
    },
    [t, i18n, problemText],
  );
}

/** The usual end of a failed form submission: problems at their fields, the summary as a message. */
export function useFormFailure(): (form: FormInstance, error: unknown) => void {
  const { message } = App.useApp();
  const formProblems = useFormProblems();
  return useCallback(
    (form: FormInstance, error: unknown) => void message.error(formProblems(form, error)),
    [message, formProblems],
  );
}
