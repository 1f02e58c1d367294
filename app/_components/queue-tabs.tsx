import Link from 'next/link';
import type { QueueCounts } from '@/lib/read/inbox/count-queues';
import { defaultSortFor, inboxQueryString, type InboxParams } from '@/lib/core/conversation/inbox-params';
import { QUEUES } from '@/lib/core/conversation/queues';
import { formatNumber } from '@/lib/web/format';

/** The queue tabs with their counts; switching tab keeps search and category, resets the rest. */
export function QueueTabs({ params, counts }: { params: InboxParams; counts: QueueCounts }) {
  return (
    <nav aria-label="Queues" className="-mb-px flex flex-wrap gap-x-1 border-b border-slate-200">
      {QUEUES.map((queue) => {
        const current = queue.key === params.queue;
        const href = `/${inboxQueryString(params, { queue: queue.key, sort: defaultSortFor(queue.key), status: undefined, cursor: undefined })}`;
        return (
          <Link
            key={queue.key}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm ${
              current ? 'border-brand-600 font-semibold text-slate-900' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {queue.label}
            <span
              className={`rounded-full px-1.5 text-xs tabular-nums ${
                current ? 'bg-brand-100 text-brand-700' : queue.key === 'escalated' && counts.escalated > 0 ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-600'
              }`}
            >
              {formatNumber(counts[queue.key])}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
