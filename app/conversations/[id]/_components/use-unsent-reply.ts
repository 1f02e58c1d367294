'use client';

import { useCallback, useEffect, useState } from 'react';

const keyOf = (conversationId: string) => `countersign:unsent-reply:${conversationId}`;

/**
 * The agent's own reply while it is unsent, kept in this tab's session storage per
 * conversation: closing the box, a live refresh that remounts the page, or going to another
 * conversation and back does not lose it. Session storage (not local) so the text leaves with
 * the tab and never outlives the agent's session on a shared machine; cleared once it is sent.
 */
export function useUnsentReply(conversationId: string): { body: string; setBody: (next: string | ((current: string) => string)) => void; restored: boolean; clear: () => void } {
  const [body, setBodyState] = useState('');
  const [restored, setRestored] = useState(false);

  // Read after mount: the server render has no storage, and the first client render must match it.
  useEffect(() => {
    const kept = sessionStorage.getItem(keyOf(conversationId));
    if (kept) {
      setBodyState(kept);
      setRestored(true);
    }
  }, [conversationId]);

  const setBody = useCallback(
    (next: string | ((current: string) => string)) => {
      setBodyState((current) => {
        const value = typeof next === 'function' ? next(current) : next;
        if (value === '') sessionStorage.removeItem(keyOf(conversationId));
        else sessionStorage.setItem(keyOf(conversationId), value);
        return value;
      });
    },
    [conversationId],
  );

  const clear = useCallback(() => {
    sessionStorage.removeItem(keyOf(conversationId));
    setRestored(false);
  }, [conversationId]);

  return { body, setBody, restored, clear };
}
