import { headers } from 'next/headers';
import Link from 'next/link';
import { SignOutButton } from '@/components/sign-out-button';
import { getSessionUser, hasRole, type Role } from '@/lib/web/auth';
import { NotificationBell } from './notification-bell';

const NAV: readonly { href: string; label: string; minRole: Role }[] = [
  { href: '/', label: 'Inbox', minRole: 'agent' },
  { href: '/overview', label: 'Overview', minRole: 'manager' },
  { href: '/outbox', label: 'Outbox', minRole: 'agent' },
  { href: '/knowledge', label: 'Knowledge', minRole: 'agent' },
  { href: '/saved-replies', label: 'Saved replies', minRole: 'manager' },
  { href: '/settings', label: 'Settings', minRole: 'manager' },
  { href: '/admin/users', label: 'Users', minRole: 'admin' },
  { href: '/admin/tokens', label: 'API tokens', minRole: 'admin' },
  { href: '/admin/mailboxes', label: 'Mailboxes', minRole: 'admin' },
  { href: '/admin/erasure', label: 'Erasure', minRole: 'admin' },
  { href: '/account/security', label: 'Security', minRole: 'agent' },
  { href: '/account/notifications', label: 'Notifications', minRole: 'agent' },
];

/** The top bar: only the places the signed-in person may go, and who they are. */
export async function MainNav() {
  const user = await getSessionUser(await headers());
  return (
    <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
      <Link href="/" className="font-semibold tracking-tight text-brand-700">
        Countersign
      </Link>
      {user ? (
        <>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {NAV.filter((item) => hasRole(user, item.minRole)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-slate-600 hover:text-slate-900">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-500">
            <NotificationBell userId={user.id} />
            <span>
              {user.name} · {user.role}
            </span>
            <SignOutButton />
          </div>
        </>
      ) : null}
    </nav>
  );
}
