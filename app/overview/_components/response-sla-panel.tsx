import Link from 'next/link';
import type { ResponseSlaStats } from '@/lib/read/overview/response-sla-stats';
import { formatDateTime, formatNumber } from '@/lib/web/format';

const TARGET: Record<string, string> = { first_response: 'first reply', next_response: 'reply' };

/** Response targets (business hours, Settings → SLA): breaches in the window and what is owed now. */
export function ResponseSlaPanel({ stats, days }: { stats: ResponseSlaStats; days: number }) {
  return (
    <section aria-labelledby="response-sla" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-baseline justify-between">
        <h2 id="response-sla" className="text-sm font-semibold text-slate-900">
          Response targets
        </h2>
        <Link href="/overview/digest" className="text-xs font-medium text-brand-700 hover:underline">
          Daily digests
        </Link>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">Breached ({days} days)</dt>
          <dd className={`text-xl font-semibold tabular-nums ${stats.breaches > 0 ? 'text-red-700' : 'text-slate-900'}`}>{formatNumber(stats.breaches)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Reminders ({days} days)</dt>
          <dd className="text-xl font-semibold tabular-nums text-slate-900">{formatNumber(stats.reminders)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Owed a reply now</dt>
          <dd className="text-xl font-semibold tabular-nums text-slate-900">{formatNumber(stats.owing)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Past due now</dt>
          <dd className={`text-xl font-semibold tabular-nums ${stats.overdueNow > 0 ? 'text-red-700' : 'text-slate-900'}`}>{formatNumber(stats.overdueNow)}</dd>
        </div>
      </dl>
      {stats.recent.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {stats.recent.map((breach) => (
            <li key={`${breach.conversationId}-${breach.dueAt.toISOString()}`} className="flex justify-between gap-3 py-1">
              <Link href={`/conversations/${breach.conversationId}`} className="truncate text-brand-700 hover:underline">
                {breach.subject || '(no subject)'}
              </Link>
              <span className="whitespace-nowrap text-xs text-slate-500">
                {TARGET[breach.kind] ?? breach.kind} due {formatDateTime(breach.dueAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
