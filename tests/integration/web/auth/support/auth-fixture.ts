import type { Db } from '../../../../../lib/platform/db/client';
import { authSettingsFromEnv } from '../../../../../lib/web/auth/auth-settings';
import { createAuth, type Auth } from '../../../../../lib/web/auth/create-auth';

export const BASE_URL = 'http://localhost:3000';

export function testAuth(db: Db, appUrl = BASE_URL): Auth {
  const settings = authSettingsFromEnv({ AUTH_SECRET: 'test-secret-'.padEnd(48, 'x'), APP_URL: appUrl, PORT: 3000, AUTH_TRUSTED_ORIGINS: [] });
  return createAuth({ db, ...settings });
}

export interface SignInOptions {
  ip?: string;
  origin?: string;
}

/** A browser-shaped POST to better-auth's sign-in endpoint, through the HTTP handler. */
export function signIn(auth: Auth, email: string, password: string, { ip = '203.0.113.7', origin = BASE_URL }: SignInOptions = {}): Promise<Response> {
  return auth.handler(
    new Request(`${new URL(BASE_URL).origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The `name=value` pairs of every Set-Cookie, ready to send back as a Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
