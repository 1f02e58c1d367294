import 'server-only';

/**
 * Authentication and authorisation for the web app. Pages call requireUser, server actions
 * requireActionUser, route handlers requireApiActor; all three check the role too.
 */
export type { Role } from './roles';
export { ROLES, hasRole } from './roles';
export type { SessionUser } from './session-user';
export { AuthError, authErrorResponse, isAuthError, type AuthErrorCode } from './auth-error';
export { requireUser } from './require-user';
export { requireActionUser } from './require-action-user';
export { requireApiActor } from './require-api-actor';
export { getAuth, getSessionUser } from './get-auth';
