import { Badge } from '@/components/badge';
import { RiskPill } from '@/components/risk-pill';
import { PriorityBadge } from '@/components/status-badge';
import type { ClassificationView } from '@/lib/read/conversation/get-conversation-detail';
import { formatPercent } from '@/lib/web/format';

/** Claude's reading of the latest customer message: category, risk with reasons, and flags. */
export function ClassificationPanel({ classification, riskLimit }: { classification: ClassificationView | null; riskLimit: number }) {
  return (
    <section aria-labelledby="classification-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="classification-heading" className="text-sm font-semibold">
        Classification
      </h2>
      {!classification ? (
        <p className="mt-2 text-sm text-slate-600">Not classified yet.</p>
      ) : !classification.ok ? (
        <p className="mt-2 text-sm text-red-700">Classification failed: {classification.error ?? 'unknown error'}. A person must review.</p>
      ) : (
        <div className="mt-2 space-y-3 text-sm">
          {classification.summary ? <p className="text-slate-700">{classification.summary}</p> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
            <dt className="text-slate-500">Category</dt>
            <dd>{classification.category ? <Badge>{classification.category}</Badge> : '—'}</dd>
            <dt className="text-slate-500">Priority</dt>
            <dd>
              <PriorityBadge priority={classification.priority} />
            </dd>
            <dt className="text-slate-500">Risk</dt>
            <dd className="flex items-center gap-2">
              <RiskPill score={classification.riskScore} limit={riskLimit} />
              {classification.injectionSuspected ? <RiskPill score={null} limit={riskLimit} injection /> : null}
            </dd>
            <dt className="text-slate-500">Confidence</dt>
            <dd className="tabular-nums">{formatPercent(classification.confidence)}</dd>
            <dt className="text-slate-500">Sentiment</dt>
            <dd>{classification.sentiment ?? '—'}</dd>
            <dt className="text-slate-500">Language</dt>
            <dd>{classification.language ?? '—'}</dd>
          </dl>
          {classification.requiresHuman ? <Badge tone="warning">Needs a person</Badge> : null}
          {classification.riskReasons.length > 0 ? (
            <div>
              <h3 className="text-xs font-medium text-slate-500">Why this risk</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                {classification.riskReasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="text-xs text-slate-500">{classification.model}</p>
        </div>
      )}
    </section>
  );
}
