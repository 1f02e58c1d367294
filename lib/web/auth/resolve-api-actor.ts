import { bearerToken } from '../../features/api-tokens/token-secret';
import { AuthError } from './auth-error';
import { isAllowedOrigin, isMutation } from './origin';
import { hasRole, type Role } from '../../core/roles';
import type { SessionUser } from '../../features/users/session-user';

export interface ResolveApiActorOptions {
  request: Request;
  minRole: Role;
  trustedOrigins: readonly string[];
  sessionUser: (headers: Headers) => Promise<SessionUser | null>;
  tokenUser: (token: string) => Promise<SessionUser | null>;
}

/**
 * Who is calling a route handler. A bearer token is not sent by browsers on their own, so
 * it needs no Origin check; the session cookie is, so cookie mutations must come from us.
 */
export async function resolveApiActor(options: ResolveApiActorOptions): Promise<SessionUser> {
  const { request, minRole } = options;
  const token = bearerToken(request.headers.get('authorization'));
  const user = token !== null ? await options.tokenUser(token) : await options.sessionUser(request.headers);
  if (!user) throw new AuthError('unauthenticated');
  // Checked once a session exists, so an anonymous caller gets a plain 401 either way.
  if (token === null && isMutation(request.method) && !isAllowedOrigin({ headers: request.headers, trustedOrigins: options.trustedOrigins })) {
    throw new AuthError('bad_origin');
  }
  if (!hasRole(user, minRole)) throw new AuthError('forbidden');
  return user;
}
