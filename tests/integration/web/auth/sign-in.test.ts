import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../../lib/features/users/session-user';
import { createUser } from '../../../../lib/features/users/create-user';
import { setUserDisabled } from '../../../../lib/features/users/set-user-disabled';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { BASE_URL, cookieHeader, signIn, testAuth } from './support/auth-fixture';

const PASSWORD = 'correct horse battery staple';
let temp: TempDb;
let auth: ReturnType<typeof testAuth>;
let adminId: string;

beforeAll(async () => {
  temp = await createTempDb();
  auth = testAuth(temp.db);
  adminId = (await createUser({ email: 'Admin@Example.com', name: 'Admin', role: 'admin', password: PASSWORD, actorId: null }, temp.db)).id;
  await createUser({ email: 'ada@example.com', name: 'Ada', role: 'manager', password: PASSWORD, actorId: adminId }, temp.db);
});

afterAll(async () => {
  await temp.close();
});

describe('sign-in through better-auth', () => {
  it('signs a created user in with an HTTP-only, SameSite=Lax session cookie', async () => {
    const response = await signIn(auth, 'ada@example.com', PASSWORD, { ip: '198.51.100.1' });
    expect(response.status).toBe(200);
    const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('countersign.session_token='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/Secure/i);

    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieHeader(response) }) });
    expect(session && toSessionUser(session.user)).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'manager' });
  });

  it('stores a scrypt hash, never the password', async () => {
    const account = await temp.db.account.findFirstOrThrow({ where: { user: { email: 'ada@example.com' } } });
    expect(account.providerId).toBe('credential');
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('matches the email case-insensitively', async () => {
    const response = await signIn(auth, 'admin@example.com', PASSWORD, { ip: '198.51.100.2' });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong password without setting a cookie', async () => {
    const response = await signIn(auth, 'ada@example.com', 'wrong password here', { ip: '198.51.100.3' });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a sign-in a browser posts from another site (login CSRF)', async () => {
    const response = await auth.handler(
      new Request(`${BASE_URL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
          // What a browser attaches to a cross-site fetch; the library forces the Origin check then.
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'cors',
          'x-forwarded-for': '198.51.100.4',
        },
        body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('has no public sign-up', async () => {
    const response = await auth.handler(
      new Request(`${BASE_URL}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE_URL, 'x-forwarded-for': '198.51.100.5' },
        body: JSON.stringify({ email: 'mallory@example.com', password: PASSWORD, name: 'Mallory' }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await temp.db.user.count({ where: { email: 'mallory@example.com' } })).toBe(0);
  });

  it('signs out by deleting the session', async () => {
    const signedIn = await signIn(auth, 'ada@example.com', PASSWORD, { ip: '198.51.100.6' });
    const cookie = cookieHeader(signedIn);
    const signOut = await auth.handler(
      new Request(`${BASE_URL}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: BASE_URL } }),
    );
    expect(signOut.status).toBe(200);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });
});

describe('sign-in rate limit', () => {
  it('allows five attempts per minute for one account from one address, then answers 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await signIn(auth, 'admin@example.com', 'not the password', { ip: '192.0.2.50' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password is refused until the window passes.
    const locked = await signIn(auth, 'admin@example.com', PASSWORD, { ip: '192.0.2.50' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('x-retry-after'))).toBeGreaterThan(0);
    // A colleague behind the same address, and the same person elsewhere, are unaffected.
    expect((await signIn(auth, 'ada@example.com', PASSWORD, { ip: '192.0.2.50' })).status).toBe(200);
    expect((await signIn(auth, 'admin@example.com', PASSWORD, { ip: '192.0.2.51' })).status).toBe(200);
    // better-auth's own per-address limiter counts in the same table (database storage).
    const perAddress = await temp.db.rateLimit.findUnique({ where: { key: '192.0.2.50|/sign-in/email' } });
    expect(perAddress?.count).toBeGreaterThanOrEqual(7);
  });
});

describe('sign-in rate limit after a success', () => {
  it('starts counting afresh, so frequent sign-ins never lock anyone out', async () => {
    await createUser({ email: 'busy@example.com', name: 'Busy', role: 'agent', password: PASSWORD, actorId: adminId }, temp.db);
    const attempt = (password: string) => signIn(auth, 'busy@example.com', password, { ip: '192.0.2.77' }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await attempt('typo'));
    statuses.push(await attempt(PASSWORD));
    for (let i = 0; i < 4; i += 1) statuses.push(await attempt('typo'));
    statuses.push(await attempt(PASSWORD));
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401, 200]);
  });
});

describe('sign-in rate limit with forged addresses', () => {
  it('caps one account at 20 attempts per 15 minutes however X-Forwarded-For varies', async () => {
    await createUser({ email: 'target@example.com', name: 'Target', role: 'agent', password: PASSWORD, actorId: adminId }, temp.db);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await signIn(auth, 'target@example.com', 'guess', { ip: `10.9.${attempt}.1` })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const locked = await signIn(auth, 'target@example.com', PASSWORD, { ip: '10.9.99.1' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });
});

describe('disabled users', () => {
  it('are signed out at once and cannot sign in again', async () => {
    const user = await createUser({ email: 'leaver@example.com', name: 'Leaver', role: 'agent', password: PASSWORD, actorId: adminId }, temp.db);
    const cookie = cookieHeader(await signIn(auth, 'leaver@example.com', PASSWORD, { ip: '198.51.100.20' }));
    await setUserDisabled({ userId: user.id, disabled: true, actorId: adminId }, temp.db);

    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    const again = await signIn(auth, 'leaver@example.com', PASSWORD, { ip: '198.51.100.21' });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'user.disable', target: `user:${user.id}` } });
    expect(audit).toMatchObject({ actorId: adminId, before: { disabledAt: null } });
  });
});

describe('over https', () => {
  it('marks the session cookie Secure with the __Secure- prefix', async () => {
    const secureAuth = testAuth(temp.db, 'https://inbox.example.com');
    const response = await secureAuth.handler(
      new Request('https://inbox.example.com/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://inbox.example.com', 'x-forwarded-for': '198.51.100.30' },
        body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Secure-countersign.session_token='));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });
});

describe('who people appear to be', () => {
  it('cannot be changed through the auth API: an agent cannot rename themselves or change their email', async () => {
    const cookie = cookieHeader(await signIn(auth, 'ada@example.com', PASSWORD, { ip: '198.51.100.40' }));
    const call = (path: string, body: object) =>
      auth.handler(
        new Request(`${BASE_URL}/api/auth${path}`, {
          method: 'POST',
          headers: { cookie, origin: BASE_URL, 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.40' },
          body: JSON.stringify(body),
        }),
      );
    expect((await call('/update-user', { name: 'Administrator' })).status).toBe(404);
    expect((await call('/change-email', { newEmail: 'admin@example.net' })).status).toBe(404);
    expect(await temp.db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } })).toMatchObject({ name: 'Ada' });
    // The session still works: only the profile endpoints are gone.
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
  });
});
