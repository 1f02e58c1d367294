import type { ReplyOutcome } from '@/lib/core/decisions/decision-outcome';

/** What happened to the agent's own reply or resend. */
export function ReplyFeedback({ outcome }: { outcome: ReplyOutcome | null }) {
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {outcome.outcome === 'reply_queued'
          ? `Your reply (v${outcome.draftVersion}) is being sent. It goes out once; the page shows when it has.`
          : `Resending v${outcome.draftVersion}. The page shows when the relay has accepted it.`}
      </div>
    );
  }
  const expected = outcome.code === 'busy' || outcome.code === 'stale';
  return (
    <div
      role="alert"
      className={`rounded-md border px-3 py-2 text-sm ${expected ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-300 bg-red-50 text-red-900'}`}
    >
      <p className="font-semibold">Not sent</p>
      <p>{outcome.message}</p>
    </div>
  );
}
