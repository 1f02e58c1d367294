'use client';

import { useEffect, useRef, useState } from 'react';

/** How long a first press waits for the second: long enough to read the recipient, short enough to forget. */
export const CONFIRM_MS = 4_000;

/**
 * The one way to confirm a send, for the approve button, its key (a) and the reply box alike:
 * the first press arms and names the recipient, a second press within CONFIRM_MS sends. An
 * email cannot be unsent; when sends are held for undo, that window sits above this step.
 */
export function useConfirmSend(send: () => void) {
  const [armed, setArmed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const press = () => {
    clearTimeout(timer.current);
    if (armed) {
      setArmed(false);
      send();
      return;
    }
    setArmed(true);
    timer.current = setTimeout(() => setArmed(false), CONFIRM_MS);
  };
  return { armed, press };
}

/** The button's words in every state, the same for a draft and for the agent's own reply. */
export function sendButtonLabel({ pending, armed, recipient, idle }: { pending: boolean; armed: boolean; recipient: string; idle: string }): string {
  if (pending) return 'Sending…';
  return armed ? `Press again to send to ${recipient}` : idle;
}
