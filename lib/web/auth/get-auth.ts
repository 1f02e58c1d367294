import 'server-only';
import { env } from '../../platform/config/env';
import { getDb } from '../../platform/db';
import { authSettingsFromEnv, type AuthSettings } from './auth-settings';
import { createAuth, type Auth } from './create-auth';
import { toSessionUser, type SessionUser } from '../../features/users/session-user';
import { refreshRunningRosters } from '../../features/users/broadcast-roster';

// One instance per server process, kept across Next's dev-mode module reloads.
const globalForAuth = globalThis as unknown as { countersignAuth?: Promise<Auth> };

export function authSettings(): AuthSettings {
  return authSettingsFromEnv(env());
}

export function getAuth(): Promise<Auth> {
  globalForAuth.countersignAuth ??= Promise.resolve(
    // Someone new through single sign-on joins the roster running conversations know, as an admin-made user does.
    createAuth({ db: getDb(), ...authSettings(), onSsoUserCreated: () => refreshRunningRosters() }),
  );
  return globalForAuth.countersignAuth;
}

/** The signed-in user behind these request headers, or null (no, expired or disabled session). */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  return session ? toSessionUser(session.user) : null;
}
