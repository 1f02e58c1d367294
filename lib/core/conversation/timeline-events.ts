/**
 * The conversation timeline: what the workflow mirrors into ConversationEvent rows and
 * what the dashboard renders. `data` is JSON; these types describe it per event type.
 */

export interface TimelineEventData {
  received: { messageId: string; fromAddress: string; subject: string; automated: boolean; screening: string[] };
  classified: {
    messageId: string;
    ok: boolean;
    error?: string;
    category?: string;
    priority?: string;
    riskScore?: number;
    confidence?: number;
    injectionSuspected?: boolean;
    model: string;
    /** Prompt tokens, cache reads and writes included (lib/platform/llm/pricing.ts `promptTokens`), over every call it took. */
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
  };
  drafted: {
    draftVersion: number;
    model: string;
    knowledgeUsed: string[];
    revision: boolean;
    costUsd: number;
    outputTokens: number;
    stopReason?: string;
    /** Claude's answer could not be used (refused, cut off, empty): why. */
    unusableReason?: string;
  };
  routed: { draftVersion: number; route: 'auto_send' | 'review'; reasons: string[] };
  auto_send_held: { draftVersion: number; holdUntil: string };
  auto_send_cancelled: { draftVersion: number; reason: string };
  decision: {
    draftVersion: number;
    kind: 'approve' | 'edit_approve' | 'reject' | 'revise';
    editDistance?: number;
    reason?: string;
    instructions?: string;
  };
  superseded: { draftVersion: number; byMessageId: string };
  escalated: { draftVersion: number; waitedMinutes: number };
  sent: { draftVersion: number; messageIdHeader: string; toAddress: string; auto: boolean };
  send_failed: { draftVersion: number; error: string; permanent: boolean };
  ignored: { messageId: string; reason: string };
  /** Claude could not produce a usable answer; the failure type is from lib/core/failures.ts. */
  needs_person: { stage: 'classify' | 'draft' | 'revise'; failureType: string; reason: string };
  manual_reply: { draftVersion: number; replacedDraftVersion?: number };
  resend_requested: { draftVersion: number; confirmedLedgerStatus: 'sending' | 'failed' };
  closed: { reason: string };
  /** An agent took back their send in its undo window; the draft went back to review. */
  send_undone: { draftVersion: number };
  /** Closed, reopened, snoozed, marked waiting on the customer by people; or a snooze ran out. */
  lifecycle: { action: 'close' | 'reopen' | 'snooze' | 'wait_on_customer' | 'snooze_ended'; until?: string };
  /** An article the pending draft cited was edited or archived after the draft was written. */
  knowledge_changed: { draftVersion: number; reason: string };
  /** An agent judged a reply that went out automatically (lib/core/policy/shadow.ts). */
  auto_sent_reviewed: { draftVersion: number; verdict: 'ok' | 'should_not_have_gone_out'; reason?: string };
  /** A response target (lib/core/sla) is about to run out (reminder) or ran out (breach). */
  sla_notice: { kind: 'reminder' | 'breach'; target: 'first_response' | 'next_response'; dueAt: string };
  /** Who owns the conversation now (lib/features/assignment/); null assignee: unassigned. */
  assigned: { assigneeId: string | null; assigneeName: string | null; previousAssigneeId: string | null; how: 'take' | 'assign' | 'unassign' | 'round_robin' };
}

export type TimelineEventType = keyof TimelineEventData;
