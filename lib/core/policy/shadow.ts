import type { EvidenceKind } from './trust';

/**
 * Shadow mode: for every routed draft the policy's verdict ("would auto-send" or "needs a
 * person") is kept beside what then happened to the draft. Client-safe vocabulary.
 */
export const SHADOW_OUTCOMES = ['sent_unchanged', 'edited', 'rejected', 'revised', 'replied_themselves', 'auto_sent', 'superseded'] as const;
export type ShadowOutcome = (typeof SHADOW_OUTCOMES)[number];

export const SHADOW_OUTCOME_LABELS: Record<ShadowOutcome, string> = {
  sent_unchanged: 'Sent unchanged',
  edited: 'Edited, then sent',
  rejected: 'Rejected',
  revised: 'Sent back for a revision',
  replied_themselves: 'The agent wrote their own reply',
  auto_sent: 'Sent automatically',
  superseded: 'Superseded by a newer message',
};

/** An agent's review of a reply that went out automatically. */
export const AUTO_SENT_REVIEWS = ['pending', 'ok', 'should_not_have_gone_out'] as const;
export type AutoSentReview = (typeof AUTO_SENT_REVIEWS)[number];

export interface ShadowRecordFacts {
  wouldAutoSend: boolean;
  outcome: ShadowOutcome | null;
  review: AutoSentReview | null;
}

/**
 * The trust evidence a shadow record gives: only drafts the policy would have sent count
 * (a "needs a person" verdict predicts nothing about the agent's edits), and an automatic
 * reply counts once an agent has reviewed it. Superseded or undecided drafts give none.
 */
export function evidenceOf(record: ShadowRecordFacts): EvidenceKind | null {
  if (record.outcome === 'auto_sent') {
    if (record.review === 'ok') return 'auto_sent_ok';
    if (record.review === 'should_not_have_gone_out') return 'auto_sent_bad';
    return null;
  }
  if (!record.wouldAutoSend) return null;
  switch (record.outcome) {
    case 'sent_unchanged':
    case 'edited':
    case 'rejected':
    case 'revised':
    case 'replied_themselves':
      return record.outcome;
    case 'superseded':
    case null:
      return null;
  }
}
