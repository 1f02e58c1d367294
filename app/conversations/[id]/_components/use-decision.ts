'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import type { DecisionInput } from '@/lib/core/decisions/decision-schemas';
import { newRequestId } from '@/lib/web/request-id';
import { decideDraftAction } from '../actions';

/** A decision as the form states it; the request id is added here. */
export type Intent = DecisionInput extends infer T ? (T extends DecisionInput ? Omit<T, 'requestId'> : never) : never;
export type Decide = (intent: Intent) => void;

/**
 * Sends decisions through the server action. One request id per intended decision
 * (action + draft version): a double click, or a retry after "unavailable", reuses it, so
 * Temporal applies the decision at most once. Any definite answer starts a fresh intent.
 */
export function useDecision() {
  const [outcome, dispatch, pending] = useActionState(decideDraftAction, null);
  const ids = useRef(new Map<string, string>());

  useEffect(() => {
    if (outcome && (outcome.ok || outcome.code !== 'unavailable')) ids.current.clear();
  }, [outcome]);

  const decide: Decide = (intent) => {
    const key = `${intent.action}:${intent.draftVersion}`;
    const requestId = ids.current.get(key) ?? newRequestId();
    ids.current.set(key, requestId);
    startTransition(() => dispatch({ ...intent, requestId }));
  };

  return { outcome, pending, decide };
}
