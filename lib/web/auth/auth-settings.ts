import type { Env } from '../../platform/config/env';

/** What the auth library needs from the environment, resolved once per process. */
export interface AuthSettings {
  secret: string;
  /** The public URL; an https one makes every auth cookie `Secure` and `__Secure-` prefixed. */
  baseURL: string;
  /** Origins allowed to post sign-in and forms (the base URL's origin is always one). */
  trustedOrigins: string[];
}

export class MissingAuthSecretError extends Error {
  override name = 'MissingAuthSecretError';
  constructor() {
    super('AUTH_SECRET is not set: `npm start` generates one into data/secrets.env, or set it yourself.');
  }
}

export function authSettingsFromEnv(
  config: Pick<Env, 'AUTH_SECRET' | 'APP_URL' | 'PORT' | 'AUTH_TRUSTED_ORIGINS'>,
): AuthSettings {
  if (!config.AUTH_SECRET) throw new MissingAuthSecretError();
  const local = [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
  const baseURL = config.APP_URL ? new URL(config.APP_URL).origin : local[0]!;
  // Local addresses stay trusted so the dev stack works from either spelling of localhost.
  const trustedOrigins = [...new Set([baseURL, ...local, ...config.AUTH_TRUSTED_ORIGINS.map((o) => new URL(o).origin)])];
  return { secret: config.AUTH_SECRET, baseURL, trustedOrigins };
}
