import { useEffect, useState } from 'react';

/**
 * What the user is typing into a field whose value lives in the address bar: the draft is written
 * back `delay` ms after the last keystroke (not while an IME composes pinyin), and a change of the
 * address from elsewhere (reset, back button) replaces the draft.
 */
export function useDraft(urlValue: string, commit: (value: string) => void, paused = false, delay = 250) {
  const [draft, setDraft] = useState(urlValue);
  // The address value the draft last agreed with: set before committing, so our own write never
  // comes back to overwrite keystrokes typed since.
  const [synced, setSynced] = useState(urlValue);
  if (urlValue !== synced) {
    setSynced(urlValue);
    setDraft(urlValue);
  }
  useEffect(() => {
    if (paused || draft === synced) return;
    const timer = setTimeout(() => {
      setSynced(draft);
      commit(draft);
    }, delay);
    return () => clearTimeout(timer);
  }, [draft, synced, paused, commit, delay]);
  const flush = () => {
    if (draft === synced) return;
    setSynced(draft);
    commit(draft);
  };
  return { draft, setDraft, flush };
}
