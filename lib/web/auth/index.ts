import 'server-only';

/**
 * Authentication and authorisation for the web app. Pages call requireUser, server actions
 * requireActionUser, route handlers requireApiActor; all three check the role too.
 */
export type { Role } from '../../core/roles';
export { ROLES, hasRole } from '../../core/roles';
export type { SessionUser } from '../../features/users/session-user';
export { AuthError, authErrorResponse, isAuthError, type AuthErrorCode } from './auth-error';
export { requireUser } from './require-user';
export { requireActionUser } from './require-action-user';
export { requireApiActor } from './require-api-actor';
export { authSettings, getAuth, getSessionUser } from './get-auth';
