import { AppError } from '../../../core/errors';

/** Why connecting a mailbox with OAuth did not happen. Each kind has one message, shown on the page. */
export const OAUTH_CONNECT_FAILURES = {
  not_configured: 'This provider is not set up: set its client id and secret (README "Connect Gmail" / "Connect Microsoft 365").',
  denied: 'Access was not granted: the consent screen was cancelled or declined. Nothing was connected; try again and allow access.',
  expired: 'The connection attempt expired or was already used. Start again from this page.',
  wrong_account: 'The account that signed in is not the mailbox address. Sign in as the mailbox itself (use a private window if the browser picks another account).',
  wrong_tenant: 'That account belongs to another Microsoft 365 organisation than the one this app is set up for (MICROSOFT_OAUTH_TENANT).',
  missing_scope: 'Mail access was not granted (the IMAP/SMTP permission was left unticked or is blocked by an admin). Nothing was connected; try again and allow mail access.',
  no_refresh_token: 'The provider granted no offline access (no refresh token), so the mailbox would stop within an hour. Remove the app from the account’s permissions and connect again.',
  provider_error: 'The provider refused the sign-in. Details are in the web server log (never the tokens).',
} as const;

export type OAuthConnectFailure = keyof typeof OAUTH_CONNECT_FAILURES;

export function isOAuthConnectFailure(value: unknown): value is OAuthConnectFailure {
  return typeof value === 'string' && Object.hasOwn(OAUTH_CONNECT_FAILURES, value);
}

export class OAuthConnectError extends AppError {
  override name = 'OAuthConnectError';
  constructor(
    readonly kind: OAuthConnectFailure,
    /** For the log: what the provider or the check said. Never a token. */
    readonly detail?: string,
  ) {
    super(OAUTH_CONNECT_FAILURES[kind]);
  }
}

/** The grant behind a mailbox no longer works: only an admin reconnecting helps. */
export class OAuthGrantError extends AppError {
  override name = 'OAuthGrantError';
}
