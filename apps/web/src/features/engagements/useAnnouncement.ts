import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';

type Message = Schema<'MessageView'>;

/** How much of a new message the announcement reads out. */
const EXCERPT = 60;

/** A sentence for screen readers when messages by others arrive after the thread was opened. */
export function useAnnouncement(items: Message[]): string {
  const { t } = useTranslation('thread');
  const seen = useRef(items.at(-1)?.seq ?? 0);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const arrived = items.filter((message) => message.seq > seen.current && !message.mine);
    seen.current = Math.max(seen.current, items.at(-1)?.seq ?? 0);
    const latest = arrived.at(-1);
    if (!latest) return;
    const name = latest.authorName ?? latest.authorOrganisationName ?? t(`side.${latest.authorRole}`);
    const text = latest.body.length > EXCERPT ? `${latest.body.slice(0, EXCERPT)}…` : latest.body;
    setAnnouncement(t('announce', { name, text }));
  }, [items, t]);
  return announcement;
}
