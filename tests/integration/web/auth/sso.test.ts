import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSsoPolicy, ssoPolicyFormSchema, updateSsoPolicy } from '../../../../lib/features/sso/sso-policy';
import { createUser } from '../../../../lib/features/users/create-user';
import { authSettingsFromEnv } from '../../../../lib/web/auth/auth-settings';
import { createAuth, type Auth } from '../../../../lib/web/auth/create-auth';
import { startOAuthProvider, type OAuthProviderSim } from '../../../support/oauth-provider';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { BASE_URL, cookieHeader } from './support/auth-fixture';

/**
 * Single sign-on through a local OpenID Connect provider, over better-auth's HTTP handler as a
 * browser would drive it: the sign-in request, the provider's consent redirect, the callback
 * with the state cookie. A new person from an admitted domain gets that domain's role; a
 * foreign domain gets no account and no session.
 */
const CALLBACK = `${BASE_URL}/api/auth/callback/sso`;
let store: TempDb;
let sim: OAuthProviderSim;
let auth: Auth;

beforeAll(async () => {
  [store, sim] = await Promise.all([createTempDb(), startOAuthProvider({ redirectUri: CALLBACK })]);
  const settings = authSettingsFromEnv({
    AUTH_SECRET: 'test-secret-'.padEnd(48, 'x'),
    APP_URL: BASE_URL,
    PORT: 3000,
    AUTH_TRUSTED_ORIGINS: [],
    SSO_ISSUER: sim.issuer,
    SSO_CLIENT_ID: sim.client.id,
    SSO_CLIENT_SECRET: sim.client.secret,
  });
  auth = createAuth({ db: store.db, ...settings });
  await store.db.user.create({ data: { id: 'admin-0', email: 'root@acme.test', name: 'Root', role: 'admin' } });
  await updateSsoPolicy({ id: 'admin-0', role: 'admin' }, { domains: [{ domain: 'acme.test', role: 'manager' }, { domain: 'contractors.acme.test', role: 'agent' }] }, store.db);
});
afterAll(async () => {
  await sim?.stop();
  await store?.close();
});

let client = 0;

/** Sign in through the provider as `email` (each from its own address: sign-in is rate limited per address); the final response of our callback. */
async function ssoSignIn(email: string): Promise<Response> {
  client += 1;
  sim.consent = { email, decision: 'allow' };
  const start = await auth.handler(
    new Request(`${BASE_URL}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL, 'x-forwarded-for': `198.51.100.${client}` },
      body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/sign-in' }),
    }),
  );
  expect(start.status).toBe(200);
  const { url } = (await start.json()) as { url: string };
  const cookies = cookieHeader(start);
  const consent = await fetch(url, { redirect: 'manual' });
  const back = consent.headers.get('location') ?? '';
  expect(back.startsWith(`${CALLBACK}?`)).toBe(true);
  return auth.handler(new Request(back, { headers: { cookie: cookies } }));
}

const sessionOf = async (response: Response) => auth.api.getSession({ headers: new Headers({ cookie: cookieHeader(response) }) });

describe('single sign-on', () => {
  it('creates a person from an admitted domain with that domain’s role, and signs them in', async () => {
    const done = await ssoSignIn('Ines.Ortega@acme.test');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    const session = await sessionOf(done);
    expect(session?.user.email).toBe('ines.ortega@acme.test');
    const user = await store.db.user.findUniqueOrThrow({ where: { email: 'ines.ortega@acme.test' } });
    expect(user.role).toBe('manager');
    expect(await store.db.account.count({ where: { userId: user.id, providerId: 'sso' } })).toBe(1);

    await ssoSignIn('pat@contractors.acme.test');
    expect((await store.db.user.findUniqueOrThrow({ where: { email: 'pat@contractors.acme.test' } })).role).toBe('agent');
  });

  it('refuses a foreign domain (including a look-alike): no account, no session', async () => {
    for (const email of ['mallory@evil.test', 'mallory@acme.test.evil.test', 'mallory@notacme.test']) {
      const done = await ssoSignIn(email);
      expect(done.status).toBe(302);
      expect(done.headers.get('location')).toMatch(/^\/sign-in\?error=SSO_DOMAIN_NOT_ALLOWED&/);
      expect(await sessionOf(done)).toBeNull();
      expect(await store.db.user.findUnique({ where: { email } })).toBeNull();
    }
  });

  it('a domain an admin removes admits nobody new, and an existing password account of a foreign domain is not linked', async () => {
    await createUser({ email: 'old@legacy.test', name: 'Old', role: 'agent', password: 'correct horse battery', actorId: null }, store.db);
    const done = await ssoSignIn('old@legacy.test');
    expect(done.headers.get('location')).toMatch(/^\/sign-in\?error=SSO_DOMAIN_NOT_ALLOWED&/);
    expect(await sessionOf(done)).toBeNull();
    expect(await store.db.account.count({ where: { providerId: 'sso', user: { email: 'old@legacy.test' } } })).toBe(0);

    await updateSsoPolicy({ id: 'admin-0', role: 'admin' }, { domains: [] }, store.db);
    expect((await getSsoPolicy(store.db)).domains).toEqual([]);
    const refused = await ssoSignIn('new.person@acme.test');
    expect(await sessionOf(refused)).toBeNull();
    await expect(updateSsoPolicy({ id: 'x', role: 'manager' }, { domains: [] }, store.db)).rejects.toThrow(/Only admins/);
  });

  it('reads the admin form one "domain role" per line and refuses anything else', () => {
    expect(ssoPolicyFormSchema.parse({ domains: 'Acme.test manager\r\n\nsupport.acme.test\n' })).toEqual({
      domains: [
        { domain: 'acme.test', role: 'manager' },
        { domain: 'support.acme.test', role: 'agent' },
      ],
    });
    expect(ssoPolicyFormSchema.safeParse({ domains: 'acme.test owner' }).success).toBe(false);
    expect(ssoPolicyFormSchema.safeParse({ domains: '*.acme.test agent' }).success).toBe(false);
  });
});
