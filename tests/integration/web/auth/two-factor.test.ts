import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../lib/features/users/create-user';
import { getTwoFactorState } from '../../../../lib/features/users/two-factor-state';
import { getTwoFactorPolicy, twoFactorPolicyFormSchema, updateTwoFactorPolicy } from '../../../../lib/features/users/two-factor-policy';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { BASE_URL, cookieHeader, signIn, testAuth } from './support/auth-fixture';

/**
 * Two-factor sign-in (better-auth's twoFactor plugin) over the HTTP handler, as the browser
 * drives it: enrolment with an authenticator app (the code computed by otpauth from the URI the
 * user would scan), a password sign-in that then asks for a code, and a lost device replaced
 * by a one-time recovery code.
 */
const PASSWORD = 'correct horse battery staple';
let temp: TempDb;
let auth: ReturnType<typeof testAuth>;
let ip = 0;

beforeAll(async () => {
  temp = await createTempDb();
  auth = testAuth(temp.db);
  await createUser({ email: 'ines@example.com', name: 'Ines', role: 'agent', password: PASSWORD, actorId: null }, temp.db);
});
afterAll(async () => {
  await temp.close();
});

const post = (path: string, body: unknown, cookie: string) =>
  auth.handler(new Request(`${BASE_URL}/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: BASE_URL, cookie, 'x-forwarded-for': `198.51.100.${(ip += 1)}` }, body: JSON.stringify(body) }));
const sessionOf = (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });
const freshSignIn = () => signIn(auth, 'ines@example.com', PASSWORD, { ip: `203.0.113.${(ip += 1)}` });

let totp: OTPAuth.TOTP;
let recoveryCodes: string[] = [];

describe('two-factor sign-in', () => {
  it('enrols an authenticator app: the URI names Countersign and the account, and only a right code turns it on', async () => {
    const cookie = cookieHeader(await freshSignIn());
    const enabled = await post('/two-factor/enable', { password: PASSWORD }, cookie);
    expect(enabled.status).toBe(200);
    const body = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
    totp = OTPAuth.URI.parse(body.totpURI) as OTPAuth.TOTP;
    expect(totp.issuer).toBe('Countersign');
    expect(totp.label).toBe('ines@example.com');
    recoveryCodes = body.backupCodes;
    expect(recoveryCodes).toHaveLength(10);
    // Not on until a code from the app proves it was set up.
    expect((await temp.db.user.findUniqueOrThrow({ where: { email: 'ines@example.com' } })).twoFactorEnabled).toBe(false);
    expect((await post('/two-factor/verify-totp', { code: '000000' }, cookie)).status).toBe(401);
    expect((await post('/two-factor/verify-totp', { code: totp.generate() }, cookie)).status).toBe(200);
    expect((await temp.db.user.findUniqueOrThrow({ where: { email: 'ines@example.com' } })).twoFactorEnabled).toBe(true);
    // The secret and the codes are stored encrypted, never as issued.
    const stored = JSON.stringify(await temp.db.twoFactor.findMany());
    expect(stored).not.toContain(totp.secret.base32);
    for (const code of recoveryCodes) expect(stored).not.toContain(code);
  });

  it('after the password, asks for a code: no session without it, a wrong one is refused, the right one signs in', async () => {
    const first = await freshSignIn();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    const pending = cookieHeader(first);
    expect(await sessionOf(pending)).toBeNull();
    expect((await post('/two-factor/verify-totp', { code: '123456' }, pending)).status).toBe(401);
    const verified = await post('/two-factor/verify-totp', { code: totp.generate({ timestamp: Date.now() + 30_000 }) }, pending);
    expect(verified.status).toBe(200);
    const session = await sessionOf(cookieHeader(verified));
    expect(session?.user.email).toBe('ines@example.com');
  });

  it('a lost device: a recovery code signs in once, and never again', async () => {
    const [code] = recoveryCodes;
    const pending = cookieHeader(await freshSignIn());
    const recovered = await post('/two-factor/verify-backup-code', { code }, pending);
    expect(recovered.status).toBe(200);
    expect((await sessionOf(cookieHeader(recovered)))?.user.email).toBe('ines@example.com');

    const again = cookieHeader(await freshSignIn());
    expect((await post('/two-factor/verify-backup-code', { code }, again)).status).toBe(401);
    expect(await sessionOf(again)).toBeNull();
  });

  it('offers no code by email or SMS', async () => {
    const pending = cookieHeader(await freshSignIn());
    expect((await post('/two-factor/send-otp', {}, pending)).status).toBe(404);
  });

  it('is required per role when an admin says so: password accounts of that role owe it until enrolled, SSO-only people never', async () => {
    const admin = await createUser({ email: 'root@example.com', name: 'Root', role: 'admin', password: PASSWORD, actorId: null }, temp.db);
    const agent = await createUser({ email: 'lee@example.com', name: 'Lee', role: 'agent', password: PASSWORD, actorId: null }, temp.db);
    const ines = await temp.db.user.findUniqueOrThrow({ where: { email: 'ines@example.com' } });
    const ssoOnly = await temp.db.user.create({ data: { email: 'sam@example.com', name: 'Sam', role: 'agent', accounts: { create: { id: 'acc-sso', accountId: 'sub-sam', providerId: 'sso' } } } });
    expect(await getTwoFactorState(agent.id, temp.db)).toEqual({ enabled: false, required: false, passwordAccount: true });

    await expect(updateTwoFactorPolicy({ id: agent.id, role: 'agent' }, { requiredFor: ['agent'] }, temp.db)).rejects.toThrow(/Only admins/);
    await updateTwoFactorPolicy({ id: admin.id, role: 'admin' }, twoFactorPolicyFormSchema.parse({ requiredFor: 'agent' }), temp.db);
    expect(await getTwoFactorPolicy(temp.db)).toEqual({ requiredFor: ['agent'] });
    expect(await getTwoFactorState(agent.id, temp.db)).toMatchObject({ required: true, enabled: false }); // owes it
    expect(await getTwoFactorState(ines.id, temp.db)).toMatchObject({ required: true, enabled: true }); // enrolled
    expect(await getTwoFactorState(admin.id, temp.db)).toMatchObject({ required: false });
    expect(await getTwoFactorState(ssoOnly.id, temp.db)).toEqual({ enabled: false, required: false, passwordAccount: false });
    // A policy nobody can read requires it of everyone.
    await temp.db.setting.update({ where: { key: 'two_factor_policy' }, data: { value: { requiredFor: 'nonsense' } } });
    expect(await getTwoFactorPolicy(temp.db)).toEqual({ requiredFor: ['agent', 'manager', 'admin'] });
  });
});
