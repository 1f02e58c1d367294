import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getSessionUser } from './get-auth';
import { hasRole, type Role } from '../../core/roles';
import type { SessionUser } from '../../features/users/session-user';
import { REQUEST_PATH_HEADER } from './request-path-header';
import { safeNextPath } from './safe-next-path';
import { owesTwoFactor, SECURITY_PATH } from './two-factor-gate';

/**
 * For pages and layouts: the signed-in user with at least `minRole`. Without a session
 * it redirects to /sign-in (returning here afterwards); with too low a role it renders 403.
 */
export async function requireUser(minRole: Role = 'agent'): Promise<SessionUser> {
  const requestHeaders = await headers();
  const user = await getSessionUser(requestHeaders);
  if (!user) {
    const next = safeNextPath(requestHeaders.get(REQUEST_PATH_HEADER), '');
    redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  }
  if (!hasRole(user, minRole)) forbidden();
  if (requestHeaders.get(REQUEST_PATH_HEADER)?.split('?')[0] !== SECURITY_PATH && (await owesTwoFactor(user))) redirect(SECURITY_PATH);
  return user;
}
