import Link from 'next/link';
import { buttonClasses } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import type { InboxPage } from '@/lib/read/inbox/list-inbox';
import { inboxQueryString, type InboxParams } from '@/lib/core/conversation/inbox-params';
import { InboxRow, ROW_GRID } from './inbox-row';
import type { InboxMark } from '@/lib/read/team/get-inbox-marks';

const HEADINGS = ['Customer', 'Subject', 'Category', 'Priority', 'Risk', 'Last message', 'SLA / hold', 'Status'];

/** The conversation list with keyset paging: "Next page" carries the cursor, never an offset. */
export function InboxList({ page, params, serverNow, riskLimit, marks = {} }: { page: InboxPage; params: InboxParams; serverNow: string; riskLimit: number; marks?: Record<string, InboxMark> }) {
  // Opening a conversation carries the inbox order along, so j/k there follow this list.
  const context = inboxQueryString(params, { cursor: undefined });
  if (page.rows.length === 0) {
    return (
      <EmptyState title={params.cursor ? 'No more conversations' : 'Nothing here'}>
        {params.q || params.category || params.status ? 'No conversation matches these filters.' : 'New conversations appear here within seconds.'}
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {/* Fits a 1024 px screen; narrower ones scroll the list, never the page. */}
      <div className="min-w-[58rem]">
        <div aria-hidden="true" className={`${ROW_GRID} border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-500`}>
          {HEADINGS.map((heading) => (
            <span key={heading}>{heading}</span>
          ))}
        </div>
        <ul aria-label="Conversations" className="divide-y divide-slate-100">
          {page.rows.map((row) => (
            <InboxRow key={row.id} row={row} serverNow={serverNow} riskLimit={riskLimit} href={`/conversations/${encodeURIComponent(row.id)}${context}`} mark={marks[row.id]} />
          ))}
        </ul>
      </div>
      <div className="flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm">
        {params.cursor ? (
          <Link href={`/${context}`} className={buttonClasses('ghost', 'sm')}>
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/${inboxQueryString(params, { cursor: page.nextCursor })}`} className={buttonClasses('secondary', 'sm')}>
            Next page →
          </Link>
        ) : (
          <span className="text-xs text-slate-500">End of list</span>
        )}
      </div>
    </div>
  );
}
