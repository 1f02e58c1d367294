import { Badge } from '@/components/badge';
import { SHADOW_OUTCOME_LABELS, type ShadowOutcome } from '@/lib/core/policy/shadow';
import type { GroundingView, ShadowView, VerificationView } from '@/lib/read/conversation/get-conversation-detail';
import { SendLayers } from './send-layers';
import { formatDateTime } from '@/lib/web/format';
import { AutoSentReview } from './auto-sent-review';

function Check({ ok, label, quotes }: { ok: boolean; label: string; quotes?: string[] }) {
  return (
    <li>
      <span aria-hidden="true" className={ok ? 'text-emerald-700' : 'text-red-700'}>
        {ok ? '✓' : '✗'}
      </span>{' '}
      <span className={ok ? 'text-slate-700' : 'font-medium text-red-800'}>{label}</span>
      {!ok && quotes && quotes.length > 0 ? (
        <ul className="ml-4 list-disc text-xs text-slate-600">
          {quotes.map((quote) => (
            <li key={quote}>“{quote}”</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function SecondCheck({ verification }: { verification: VerificationView | null }) {
  if (!verification) return <p className="text-xs text-slate-500">Not run: an earlier check already sent the draft to a person.</p>;
  if (verification.status === 'error') return <p className="text-sm text-red-800">Could not run: {verification.reasons.join('; ')}. A person decides.</p>;
  const answer = verification.answer;
  if (!answer) return <p className="text-sm text-slate-600">{verification.status === 'passed' ? 'Passed.' : verification.reasons.join('; ')}</p>;
  return (
    <div className="space-y-1 text-sm">
      <ul className="space-y-0.5">
        <Check ok={answer.factsSupported} label="Every statement is in the knowledge" quotes={answer.unsupportedStatements} />
        <Check ok={answer.answersQuestion} label="Answers what the customer asked" />
        <Check ok={!answer.makesCommitments} label="Promises no money, account change or legal outcome" quotes={answer.commitments} />
        <Check ok={!answer.followsEmailInstructions} label="Follows no instructions from the email" quotes={answer.followedInstructions} />
      </ul>
      {answer.notes ? <p className="text-xs text-slate-600">{answer.notes}</p> : null}
    </div>
  );
}

function GroundingCheck({ grounding }: { grounding: GroundingView | null }) {
  if (!grounding) return <p className="text-xs text-slate-600">Not run: an earlier layer already sent the draft to a person.</p>;
  if (grounding.status === 'error') return <p className="text-sm text-red-800">Could not run: {grounding.reasons.join('; ')}. A person decides.</p>;
  const answer = grounding.answer;
  if (!answer) return <p className="text-sm text-slate-600">{grounding.status === 'passed' ? 'Passed.' : grounding.reasons.join('; ')}</p>;
  return (
    <div className="space-y-1 text-sm">
      <ul className="space-y-0.5">
        <Check ok={answer.allSupported && answer.unsupportedStatements.length === 0} label="Every statement is in the passages given" quotes={answer.unsupportedStatements} />
        <Check ok={!answer.claimsCompletedActions && answer.actionClaims.length === 0} label="Claims nothing was done (the pipeline performs no actions)" quotes={answer.actionClaims} />
      </ul>
      {answer.notes ? <p className="text-xs text-slate-600">{answer.notes}</p> : null}
    </div>
  );
}

/**
 * The policy's verdict on the current draft (what it would do with auto-send on for the
 * category), the second model check's answer, and for an automatic reply the agent's review.
 */
export function PolicyVerdictPanel({ shadow, conversationId, people }: { shadow: ShadowView | undefined; conversationId: string; people: Record<string, string> }) {
  if (!shadow) return null;
  const outcome = shadow.outcome ? SHADOW_OUTCOME_LABELS[shadow.outcome as ShadowOutcome] ?? shadow.outcome : null;
  return (
    <section aria-labelledby="verdict-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="policy-verdict">
      <h2 id="verdict-heading" className="text-sm font-semibold">
        Policy verdict on v{shadow.draftVersion}
      </h2>
      <div className="mt-2 space-y-3 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          {shadow.wouldAutoSend ? <Badge tone="success">Would auto-send</Badge> : <Badge tone="warning">Needs a person</Badge>}
          {outcome ? <span className="text-xs text-slate-600">Then: {outcome}{shadow.editSize ? ` (${shadow.editSize} characters)` : ''}</span> : null}
        </p>
        {shadow.layers.length > 0 ? (
          <div>
            <h3 className="text-xs font-medium text-slate-600">Every layer of the send decision</h3>
            <SendLayers layers={shadow.layers} />
          </div>
        ) : !shadow.wouldAutoSend ? (
          <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
            {shadow.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
        <div>
          <h3 className="text-xs font-medium text-slate-600">Check that never reads the email (the draft against the passages given)</h3>
          <GroundingCheck grounding={shadow.grounding} />
        </div>
        <div>
          <h3 className="text-xs font-medium text-slate-600">Check that reads the email (another model read the draft and the email)</h3>
          <SecondCheck verification={shadow.verification} />
        </div>
        {shadow.outcome === 'auto_sent' ? (
          <div className="border-t border-slate-100 pt-3">
            <h3 className="text-xs font-medium text-slate-500">Review of the automatic reply</h3>
            {shadow.review === 'pending' ? (
              <AutoSentReview conversationId={conversationId} draftVersion={shadow.draftVersion} />
            ) : (
              <p className="text-sm">
                {shadow.review === 'ok' ? 'Fine as sent' : `Should not have gone out: ${shadow.reviewReason ?? ''}`}
                {shadow.reviewedBy ? ` · ${people[shadow.reviewedBy] ?? 'an agent'}` : ''}
                {shadow.reviewedAt ? ` · ${formatDateTime(shadow.reviewedAt)}` : ''}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
