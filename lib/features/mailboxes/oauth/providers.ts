import type { ConnectionSecurity } from '../connection-security';

export const OAUTH_PROVIDERS = ['google', 'microsoft'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

interface Endpoint {
  host: string;
  port: number;
  security: ConnectionSecurity;
}

export interface OAuthProviderProfile {
  label: string;
  /** What the consent screen asks for: sign-in (to learn the account), mail, offline access. */
  scopes: string[];
  /** Scopes the grant must carry, or the mailbox cannot be read or answered. */
  requiredScopes: string[];
  /** Extra authorisation parameters (Google issues a refresh token only with these). */
  authorizationParams: Record<string, string>;
  imap: Endpoint;
  smtp: Endpoint;
}

/**
 * Google and Microsoft 365 as their documentation describes them (README "Connect Gmail",
 * "Connect Microsoft 365"). Both file mail sent through their SMTP in Sent themselves, so
 * these mailboxes append no copy.
 */
export const OAUTH_PROVIDER_PROFILES: Record<OAuthProvider, OAuthProviderProfile> = {
  google: {
    label: 'Google',
    scopes: ['openid', 'email', 'https://mail.google.com/'],
    requiredScopes: ['https://mail.google.com/'],
    authorizationParams: { access_type: 'offline', prompt: 'consent' },
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  },
  microsoft: {
    label: 'Microsoft',
    scopes: ['openid', 'email', 'offline_access', 'https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send'],
    requiredScopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send'],
    authorizationParams: { prompt: 'select_account' },
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
  },
};

export function isOAuthProvider(value: unknown): value is OAuthProvider {
  return typeof value === 'string' && (OAUTH_PROVIDERS as readonly string[]).includes(value);
}
