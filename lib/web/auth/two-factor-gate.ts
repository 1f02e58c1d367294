import 'server-only';
import { getTwoFactorState } from '../../features/users/two-factor-state';
import type { SessionUser } from '../../features/users/session-user';

export const SECURITY_PATH = '/account/security';

/**
 * Whether this signed-in person still owes two-factor enrolment (an admin requires it for their
 * role and they sign in with a password). Until they enrol, pages send them to the security
 * page and actions and session-authenticated API calls are refused; API tokens are not affected.
 */
export async function owesTwoFactor(user: SessionUser): Promise<boolean> {
  const state = await getTwoFactorState(user.id);
  return state.required && !state.enabled;
}
