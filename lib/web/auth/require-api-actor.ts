import 'server-only';
import { verifyApiToken } from '../../features/api-tokens/verify-api-token';
import { authSettings, getSessionUser } from './get-auth';
import { AuthError } from './auth-error';
import { resolveApiActor } from './resolve-api-actor';
import { owesTwoFactor } from './two-factor-gate';
import type { Role } from '../../core/roles';
import type { SessionUser } from '../../features/users/session-user';

/**
 * For route handlers: the session cookie (Origin-checked for mutations) or an API token
 * (`Authorization: Bearer cs_...`). Throws AuthError; answer with authErrorResponse(error).
 */
export async function requireApiActor(request: Request, minRole: Role = 'agent'): Promise<SessionUser> {
  return resolveApiActor({
    request,
    minRole,
    trustedOrigins: authSettings().trustedOrigins,
    // A session of someone who still owes two-factor enrolment reaches no API (tokens are separate).
    sessionUser: async (headers) => {
      const user = await getSessionUser(headers);
      if (user && (await owesTwoFactor(user))) throw new AuthError('two_factor_required');
      return user;
    },
    tokenUser: async (token) => verifyApiToken(token),
  });
}
