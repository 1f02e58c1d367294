import 'server-only';
import { verifyApiToken } from '../../features/api-tokens/verify-api-token';
import { authSettings, getSessionUser } from './get-auth';
import { resolveApiActor } from './resolve-api-actor';
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
    sessionUser: getSessionUser,
    tokenUser: async (token) => verifyApiToken(token),
  });
}
