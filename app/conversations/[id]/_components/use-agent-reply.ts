'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import type { ReplyInput } from '@/lib/core/decisions/reply-schemas';
import { newRequestId } from '@/lib/web/request-id';
import { sendAgentReplyAction } from '../actions';

export type ReplyIntent = ReplyInput extends infer T ? (T extends ReplyInput ? Omit<T, 'requestId'> : never) : never;

/**
 * Sends an agent's own reply or a resend through the server action, with one request id per
 * intended reply: a double click or a retry after "unavailable" is the same reply, so the
 * workflow sends it at most once. A definite answer starts a fresh intent.
 */
export function useAgentReply() {
  const [outcome, dispatch, pending] = useActionState(sendAgentReplyAction, null);
  const id = useRef<string | null>(null);

  useEffect(() => {
    if (outcome && (outcome.ok || outcome.code !== 'unavailable')) id.current = null;
  }, [outcome]);

  const send = (intent: ReplyIntent) => {
    id.current ??= newRequestId();
    const requestId = id.current;
    startTransition(() => dispatch({ ...intent, requestId }));
  };

  return { outcome, pending, send };
}
