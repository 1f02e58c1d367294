import type { Env } from '../../platform/config/env';

/** What the auth library needs from the environment, resolved once per process. */
export interface AuthSettings {
  secret: string;
  /** The public URL; an https one makes every auth cookie `Secure` and `__Secure-` prefixed. */
  baseURL: string;
  /** Origins allowed to post sign-in and forms (the base URL's origin is always one). */
  trustedOrigins: string[];
  /** The company's OpenID Connect provider, when single sign-on is set up. */
  sso?: { issuer: string; clientId: string; clientSecret: string; label: string };
}

export class MissingAuthSecretError extends Error {
  override name = 'MissingAuthSecretError';
  constructor() {
    super('AUTH_SECRET is not set: `npm start` generates one into data/secrets.env, or set it yourself.');
  }
}

export function authSettingsFromEnv(
  config: Pick<Env, 'AUTH_SECRET' | 'APP_URL' | 'PORT' | 'AUTH_TRUSTED_ORIGINS'> & Partial<Pick<Env, 'SSO_ISSUER' | 'SSO_CLIENT_ID' | 'SSO_CLIENT_SECRET' | 'SSO_LABEL'>>,
): AuthSettings {
  if (!config.AUTH_SECRET) throw new MissingAuthSecretError();
  const local = [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
  const baseURL = config.APP_URL ? new URL(config.APP_URL).origin : local[0]!;
  // Local addresses stay trusted so the dev stack works from either spelling of localhost.
  const trustedOrigins = [...new Set([baseURL, ...local, ...config.AUTH_TRUSTED_ORIGINS.map((o) => new URL(o).origin)])];
  const sso =
    config.SSO_ISSUER && config.SSO_CLIENT_ID && config.SSO_CLIENT_SECRET
      ? { issuer: config.SSO_ISSUER, clientId: config.SSO_CLIENT_ID, clientSecret: config.SSO_CLIENT_SECRET, label: config.SSO_LABEL ?? 'single sign-on' }
      : undefined;
  return { secret: config.AUTH_SECRET, baseURL, trustedOrigins, sso };
}
