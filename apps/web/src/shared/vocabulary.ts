import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../i18n/vocabulary';
import { zhVocabulary } from '../i18n/vocabulary';

/** Labels and select options of a controlled vocabulary (industry, district…) in the UI language. */
export function useVocabulary() {
  const { t } = useTranslation('vocab');
  const label = useCallback(
    (vocabulary: Vocabulary, value: string | null | undefined) =>
      value ? t(`${vocabulary}.${value}` as 'industry.drones', { defaultValue: value }) : '',
    [t],
  );
  const options = useCallback(
    (vocabulary: Vocabulary, values?: readonly string[]) =>
      (values ?? Object.keys(zhVocabulary[vocabulary])).map((value) => ({ value, label: label(vocabulary, value) })),
    [label],
  );
  return { label, options };
}
