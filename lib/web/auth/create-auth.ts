import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth, twoFactor } from 'better-auth/plugins';
import { getSsoPolicy, roleForEmail } from '../../features/sso/sso-policy';
import { AUTH_COOKIE_PREFIX } from './cookie-prefix';
import type { Db } from '../../platform/db/client';
import type { AuthSettings } from './auth-settings';
import { signInThrottle } from './sign-in-throttle';

export interface CreateAuthOptions extends AuthSettings {
  db: Db;
  /** After single sign-on created someone (the web app refreshes running conversations' rosters). */
  onSsoUserCreated?: () => Promise<void>;
}

/**
 * Endpoints people could use to change who they appear to be. Names and emails are set by
 * admins (lib/features/users, audited): an agent must not become "Administrator" on the
 * timeline by calling the auth API themselves. Two-factor codes by email or SMS are not
 * offered (TOTP apps and recovery codes are).
 */
export const DISABLED_AUTH_PATHS = ['/update-user', '/change-email', '/delete-user', '/two-factor/send-otp', '/two-factor/verify-otp'];

/**
 * The better-auth instance: email + password (scrypt), database sessions, no public
 * sign-up (admins and the CLI create people), no self-service profile changes,
 * HTTP-only SameSite=Lax cookies that are `Secure` whenever the base URL is https, and
 * rate limits stored in the database, keyed on the client address web/main.ts settled.
 */
export function createAuth({ db, secret, baseURL, trustedOrigins, sso, onSsoUserCreated }: CreateAuthOptions) {
  const throttle = signInThrottle(db);
  // Single sign-on admits only the domains an admin listed, each with its role (sso-policy.ts).
  const refuseDomain = () => APIError.from('FORBIDDEN', { code: 'SSO_DOMAIN_NOT_ALLOWED', message: 'Your organisation’s accounts may not sign in here. Ask an admin.' });
  return betterAuth({
    appName: 'Countersign',
    secret,
    baseURL,
    trustedOrigins,
    database: prismaAdapter(db, { provider: 'postgresql' }),
    disabledPaths: DISABLED_AUTH_PATHS,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        // Written by admins through lib/users, never by the sign-in endpoints.
        role: { type: 'string', required: false, defaultValue: 'agent', input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      // Per client address; the per-account limit lives in signInThrottle.
      customRules: { '/sign-in/email': { window: 60, max: 30 } },
    },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      // Decided by the public URL alone, never by NODE_ENV or a request header.
      useSecureCookies: new URL(baseURL).protocol === 'https:',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // Explicit because the library skips its Origin/CSRF checks when NODE_ENV=test.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    databaseHooks: {
      user: {
        create: {
          // A person's first sign-in through SSO creates them with their domain's role.
          before: async (user, context) => {
            if (!context?.path.startsWith('/callback/')) return;
            const role = roleForEmail(await getSsoPolicy(db), user.email);
            if (!role) throw refuseDomain();
            return { data: { ...user, role } };
          },
          after: async (_user, context) => {
            if (!context?.path.startsWith('/callback/')) return;
            await onSsoUserCreated?.().catch((error: unknown) => console.warn(`SSO: roster refresh failed: ${(error as Error).message}`));
          },
        },
      },
      account: {
        create: {
          // Also when SSO is linked to someone who already exists (same email).
          before: async (account) => {
            if (account.providerId !== 'sso') return;
            const user = await db.user.findUnique({ where: { id: account.userId }, select: { email: true } });
            if (!user || !roleForEmail(await getSsoPolicy(db), user.email)) throw refuseDomain();
          },
        },
      },
      session: {
        create: {
          // Runs after the password matched, so a disabled account is not revealed to guessers.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) {
              throw APIError.from('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled.' });
            }
          },
        },
      },
    },
    hooks: { before: throttle.before, after: throttle.after },
    telemetry: { enabled: false },
    // Must stay last: it copies Set-Cookie onto Next's response in server actions.
    plugins: [
      ...(sso
        ? [
            genericOAuth({
              config: [
                {
                  providerId: 'sso',
                  discoveryUrl: new URL('.well-known/openid-configuration', sso.issuer.endsWith('/') ? sso.issuer : `${sso.issuer}/`).href,
                  requireIdTokenVerification: true,
                  clientId: sso.clientId,
                  clientSecret: sso.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                },
              ],
            }),
          ]
        : []),
      // TOTP (authenticator apps) with ten one-time recovery codes, secrets encrypted with AUTH_SECRET.
      twoFactor({ issuer: 'Countersign', backupCodeOptions: { amount: 10, length: 10 } }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
