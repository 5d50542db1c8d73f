import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import type { Vocabulary } from '../../i18n/vocabulary';
import { formatDateTime } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';

type Notification = Schema<'NotificationView'>;
/** A key built from a message's kind: checked at run time (`i18n.exists`), not by the key types. */
type InboxKey = 'inbox.bid_submitted.title';

/** Parameters that are codes, shown by their label in the reader's language. */
const CODES: Record<string, Vocabulary> = {
  category: 'feedbackCategory',
  conversionKind: 'conversionKind',
  status: 'demandStatus',
};

/**
 * A message in the reader's language: its kind's template filled with its parameters (codes
 * labelled, dates and amounts formatted). A message stored before parameters existed, or of a kind
 * this version does not know, shows the text it was stored with.
 */
export function useNotificationText(): (item: Notification) => { title: string; body: string } {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  return useCallback(
    (item: Notification) => {
      const base = `inbox.${item.kind}`;
      // A reminder's wording depends on how close the deadline is.
      const suffix = item.params.stage ? `_${item.params.stage}` : '';
      if (Object.keys(item.params).length === 0 || !i18n.exists(`${base}.body${suffix}`)) return item;
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(item.params)) {
        const text = String(value);
        values[key] =
          key in CODES
            ? label(CODES[key], text)
            : key === 'deadline'
              ? formatDateTime(text)
              : key === 'authorRole'
                ? t(`inbox.authors.${text}` as InboxKey)
                : key === 'contractValue'
                  ? `${Number(value).toLocaleString(i18n.language)} ${t('unit.wan')}`
                  : text;
      }
      const reasons = [
        values.searches && t('inbox.fragments.searches', { names: values.searches }),
        values.profileTerms && t('inbox.fragments.profileTerms', { terms: values.profileTerms }),
      ].filter(Boolean);
      const filled = {
        ...values,
        codeText: values.code ? t('inbox.fragments.code', { code: values.code }) : '',
        deadlineText: values.deadline ? t('inbox.fragments.deadline', { deadline: values.deadline }) : '',
        reasons: reasons.join(t('inbox.fragments.reasonSeparator')),
      };
      return {
        title: t(`${base}.title${suffix}` as InboxKey, filled),
        body: t(`${base}.body${suffix}` as InboxKey, filled),
      };
    },
    [t, i18n, label],
  );
}
