import { useEffect, useState } from 'react';
import { type Thread, useMarkThreadRead } from './queries';

/**
 * Marks the thread read up to its last message once the end of the list is on screen in a visible
 * tab; the unread badges of the engagement lists follow.
 */
export function useMarkReadWhenSeen(engagementId: string, thread: Thread) {
  const [end, setEnd] = useState<HTMLLIElement | null>(null);
  const [seen, setSeen] = useState(false);
  const last = thread.items.at(-1);
  const { mutate, isPending } = useMarkThreadRead(engagementId);

  useEffect(() => {
    if (!end) return;
    const observer = new IntersectionObserver(([entry]) => setSeen(entry.isIntersecting));
    observer.observe(end);
    return () => observer.disconnect();
  }, [end]);

  useEffect(() => {
    if (seen && last && thread.unread > 0 && !isPending && document.visibilityState === 'visible') mutate(last.id);
  }, [seen, last, thread.unread, isPending, mutate]);

  return setEnd;
}
