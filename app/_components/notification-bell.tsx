import Link from 'next/link';
import { countUnread } from '@/lib/read/team/list-notifications';

/** The bell: unread notices of the signed-in person, refreshed live with the page. */
export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await countUnread(userId);
  return (
    <Link href="/notifications" className="relative inline-flex items-center gap-1 text-slate-600 hover:text-slate-900" aria-label={`Notifications: ${unread} unread`} data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
        <path d="M10 2a6 6 0 0 0-6 6v3.586l-.707.707A1 1 0 0 0 4 14h12a1 1 0 0 0 .707-1.707L16 11.586V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
      </svg>
      {unread > 0 ? <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold tabular-nums text-white">{unread > 99 ? '99+' : unread}</span> : null}
    </Link>
  );
}
