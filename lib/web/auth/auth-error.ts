import { AppError } from '../../core/errors';

export type AuthErrorCode = 'unauthenticated' | 'forbidden' | 'bad_origin' | 'two_factor_required';

/** Thrown by requireActionUser / requireApiActor; callers map it to a result or response. */
export class AuthError extends AppError {
  override name = 'AuthError';
  constructor(readonly code: AuthErrorCode) {
    super(MESSAGES[code]);
  }
}

const MESSAGES: Record<AuthErrorCode, string> = {
  unauthenticated: 'Sign in to continue.',
  forbidden: 'Your role does not allow this.',
  bad_origin: 'This request did not come from Countersign.',
  two_factor_required: 'Your role requires two-factor sign-in: set it up under Security (/account/security) first.',
};

const STATUS: Record<AuthErrorCode, number> = { unauthenticated: 401, forbidden: 403, bad_origin: 403, two_factor_required: 403 };

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}

/** The JSON response a route handler returns for an AuthError. */
export function authErrorResponse(error: AuthError): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (error.code === 'unauthenticated') headers['www-authenticate'] = 'Bearer realm="countersign"';
  return Response.json({ error: error.code, message: error.message }, { status: STATUS[error.code], headers });
}
