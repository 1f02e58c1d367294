import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { EmptyState } from '@/components/empty-state';
import { requireUser } from '@/lib/web/auth';
import { listNotifications } from '@/lib/read/team/list-notifications';
import { formatDateTime } from '@/lib/web/format';
import { MarkReadButton } from './mark-read-button';

export const metadata: Metadata = { title: 'Notifications' };

/** The signed-in person's notices, newest first, live. */
export default async function NotificationsPage() {
  const user = await requireUser('agent');
  const notices = await listNotifications(user.id);
  const unread = notices.filter((notice) => !notice.read).length;
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Notifications</h1>
        <div className="flex items-center gap-3">
          <LiveRefresh />
          {unread > 0 ? <MarkReadButton label="Mark all read" /> : null}
          <Link href="/account/notifications" className="text-sm text-brand-700 hover:underline">
            Preferences
          </Link>
        </div>
      </div>
      {notices.length === 0 ? (
        <EmptyState title="Nothing yet">Mentions, assignments and escalations appear here.</EmptyState>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {notices.map((notice) => (
            <li key={notice.id} className={`flex items-start gap-3 px-4 py-3 text-sm ${notice.read ? '' : 'bg-brand-50/60'}`} data-unread={notice.read ? undefined : true}>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{notice.href ? <Link href={notice.href} className="hover:underline">{notice.title}</Link> : notice.title}</p>
                <p className="whitespace-pre-wrap break-words text-slate-700">{notice.body}</p>
                <p className="text-xs text-slate-600">{formatDateTime(notice.createdAt.toISOString())}</p>
                {notice.failedCopies.map((copy) => (
                  <p key={copy.channel} className="text-xs text-red-700">
                    Not sent by {copy.channel}: {copy.error}
                  </p>
                ))}
              </div>
              {notice.read ? null : <MarkReadButton id={notice.id} label="Mark read" />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
