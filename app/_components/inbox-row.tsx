import Link from 'next/link';
import { Badge } from '@/components/badge';
import { Countdown } from '@/components/countdown';
import { RelativeTime } from '@/components/relative-time';
import { RiskPill } from '@/components/risk-pill';
import { SlaTimer } from '@/components/sla-timer';
import { PriorityBadge, StatusBadge } from '@/components/status-badge';
import type { InboxRow as Row } from '@/lib/read/inbox/list-inbox';
import type { InboxMark } from '@/lib/read/team/get-inbox-marks';
import { TeamLine } from './team-line';

export const ROW_GRID =
  'grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)_6rem_4.5rem_5.5rem_5rem_6.5rem_8rem] items-center gap-2';

const WAITING = new Set(['awaiting_approval', 'escalated']);

/** One conversation in the list; the whole row is the link (j/k move focus between rows). */
export function InboxRow({ row, href, serverNow, riskLimit, mark }: { row: Row; href: string; serverNow: string; riskLimit: number; mark?: InboxMark }) {
  return (
    <li>
      <Link
        href={href}
        data-inbox-row
        data-conversation-id={row.id}
        className={`${ROW_GRID} border-l-2 px-3 py-2 text-sm hover:bg-slate-50 data-[selected=true]:bg-brand-100 focus-visible:bg-brand-50 focus-visible:-outline-offset-2 ${
          row.injectionSuspected ? 'border-red-600' : row.status === 'escalated' ? 'border-red-300' : 'border-transparent'
        }`}
      >
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{row.customerName ?? row.customerEmail}</span>
          {row.customerName ? <span className="block truncate text-xs text-slate-500">{row.customerEmail}</span> : null}
          {row.senderVerified ? null : <span className="block truncate text-xs font-medium text-red-700">⚠ unverified sender</span>}
        </span>
        <span className="min-w-0">
          <span className="flex items-center gap-2">
            {row.injectionSuspected ? <RiskPill score={row.riskScore} limit={riskLimit} injection /> : null}
            <span className="truncate font-medium text-slate-900">{row.subject || '(no subject)'}</span>
            {row.messageCount > 1 ? <span className="text-xs text-slate-500">{row.messageCount}</span> : null}
            {row.tags.map((tag) => (
              <span key={tag} className="shrink-0 rounded bg-slate-100 px-1 text-xs text-slate-600">
                #{tag}
              </span>
            ))}
          </span>
          <span className="block truncate text-xs text-slate-500">{row.preview}</span>
          {mark ? <TeamLine mark={mark} /> : null}
        </span>
        <span>{row.category ? <Badge>{row.category}</Badge> : <span className="text-xs text-slate-500">—</span>}</span>
        <span>
          <PriorityBadge priority={row.priority} />
        </span>
        <span>
          <RiskPill score={row.riskScore} limit={riskLimit} />
        </span>
        <RelativeTime date={row.lastMessageAt.toISOString()} serverNow={serverNow} className="whitespace-nowrap text-xs text-slate-600" />
        <span>
          {row.responseDueAt && row.status !== 'auto_send_hold' ? (
            // The reply the customer is owed (business hours, the SLA engine) before the review timer.
            <SlaTimer dueAt={row.responseDueAt.toISOString()} serverNow={serverNow} />
          ) : WAITING.has(row.status) ? (
            <SlaTimer dueAt={row.slaDueAt?.toISOString() ?? null} serverNow={serverNow} />
          ) : row.status === 'auto_send_hold' && row.holdUntil ? (
            <span className="whitespace-nowrap text-xs font-medium text-amber-700">
              sends in <Countdown until={row.holdUntil.toISOString()} serverNow={serverNow} doneText="a moment" />
            </span>
          ) : (
            <span className="text-xs text-slate-500">—</span>
          )}
        </span>
        <span>
          <StatusBadge status={row.status} />
        </span>
      </Link>
    </li>
  );
}

