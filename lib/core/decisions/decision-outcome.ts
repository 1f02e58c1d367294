import type { DecisionResult } from '../contract';

/**
 * Why a decision did not apply. The page shows each differently: "already decided" and
 * "superseded" mean someone or something got there first, "unavailable" means try again.
 */
export type DecisionErrorCode =
  | 'already_decided'
  | 'superseded'
  | 'stale'
  | 'invalid'
  | 'not_found'
  | 'unavailable'
  | 'unauthorized'
  | 'busy'
  | 'unsupported';

export type DecisionOutcome =
  | { ok: true; outcome: DecisionResult['outcome']; draftVersion: number }
  | { ok: false; code: DecisionErrorCode; message: string };

/** What happened to an agent's own reply or resend. */
export type ReplyOutcome =
  | { ok: true; outcome: 'reply_queued' | 'resend_queued'; draftVersion: number }
  | { ok: false; code: DecisionErrorCode; message: string };
