import type { DecisionOutcome } from '@/lib/core/decisions/decision-outcome';

const SUCCESS: Record<Extract<DecisionOutcome, { ok: true }>['outcome'], string> = {
  approved: 'Approved. The reply is being sent.',
  rejected: 'Rejected. No reply will be sent for this draft.',
  revision_requested: 'Revision requested. Claude is writing a new draft; it appears here when ready.',
  auto_send_cancelled: 'Auto-send cancelled. The draft now waits for a person to decide.',
};

const TITLES: Record<Extract<DecisionOutcome, { ok: false }>['code'], string> = {
  already_decided: 'Already decided',
  superseded: 'Superseded by a new customer message',
  stale: 'This draft changed',
  invalid: 'Not sent',
  not_found: 'Conversation not running',
  unavailable: 'Not recorded yet: try again in a moment',
  unauthorized: 'Not allowed',
  busy: 'Busy',
  unsupported: 'Not supported for this conversation',
};

/** What happened to the last decision: success, or why it did not apply and what to do. */
export function DecisionFeedback({ outcome }: { outcome: DecisionOutcome | null }) {
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {SUCCESS[outcome.outcome]}
      </div>
    );
  }
  // Someone else acting first is expected in a shared inbox: amber, not red.
  const expected = outcome.code === 'already_decided' || outcome.code === 'superseded' || outcome.code === 'stale';
  return (
    <div
      role="alert"
      className={`rounded-md border px-3 py-2 text-sm ${expected ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-300 bg-red-50 text-red-900'}`}
    >
      <p className="font-semibold">{TITLES[outcome.code]}</p>
      <p>{outcome.message}</p>
    </div>
  );
}
