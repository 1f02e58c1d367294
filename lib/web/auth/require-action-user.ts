import 'server-only';
import { headers } from 'next/headers';
import { AuthError } from './auth-error';
import { authSettings, getSessionUser } from './get-auth';
import { isAllowedOrigin } from './origin';
import { owesTwoFactor } from './two-factor-gate';
import { hasRole, type Role } from '../../core/roles';
import type { SessionUser } from '../../features/users/session-user';

/**
 * For server actions: checks the Origin (Next checks too; this keeps the guarantee if that
 * changes or is configured away), then the session and role. Throws AuthError; the action
 * maps it to its typed result.
 */
export async function requireActionUser(minRole: Role = 'agent'): Promise<SessionUser> {
  const requestHeaders = await headers();
  if (!isAllowedOrigin({ headers: requestHeaders, trustedOrigins: authSettings().trustedOrigins })) {
    throw new AuthError('bad_origin');
  }
  const user = await getSessionUser(requestHeaders);
  if (!user) throw new AuthError('unauthenticated');
  if (!hasRole(user, minRole)) throw new AuthError('forbidden');
  if (await owesTwoFactor(user)) throw new AuthError('two_factor_required');
  return user;
}
