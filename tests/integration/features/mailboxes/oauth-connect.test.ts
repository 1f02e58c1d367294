import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeOAuthConnect } from '../../../../lib/features/mailboxes/oauth/complete-oauth-connect';
import { createOAuthApps, type OAuthApps } from '../../../../lib/features/mailboxes/oauth/oauth-apps';
import { OAuthConnectError, OAuthGrantError } from '../../../../lib/features/mailboxes/oauth/oauth-connect-error';
import { createOAuthTokenSource } from '../../../../lib/features/mailboxes/oauth/oauth-token-source';
import type { OAuthProvider } from '../../../../lib/features/mailboxes/oauth/providers';
import { startOAuthConnect } from '../../../../lib/features/mailboxes/oauth/start-oauth-connect';
import { secretContext } from '../../../../lib/features/mailboxes/mailbox-secrets';
import { createSecretBox } from '../../../../lib/platform/crypto/secret-box';
import { startOAuthProvider, type OAuthProviderSim } from '../../../support/oauth-provider';
import { createTempDb, type TempDb } from '../../../support/temp-db';

const REDIRECT = 'https://countersign.example/api/mailboxes/oauth/callback';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const box = createSecretBox(randomBytes(32).toString('base64'));
let store: TempDb;
let sim: OAuthProviderSim;
let apps: OAuthApps;

beforeAll(async () => {
  [store, sim] = await Promise.all([createTempDb(), startOAuthProvider({ redirectUri: REDIRECT })]);
  const app = { clientId: sim.client.id, clientSecret: sim.client.secret, issuer: sim.issuer };
  apps = createOAuthApps({ google: app, microsoft: { ...app, tenant: TENANT } });
  await store.db.user.create({ data: { id: 'admin-1', email: 'admin@countersign.example', name: 'Admin', role: 'admin' } });
});
afterAll(async () => {
  await sim?.stop();
  await store?.close();
});

/** The browser's round trip: the authorisation URL, the provider's redirect, its query string. */
async function consent(url: URL): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}`);
  expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
  return new URL(location).searchParams;
}

async function connect(provider: OAuthProvider, target: { address: string; displayName: string } | { mailboxId: string }) {
  const url = await startOAuthConnect({ provider, actorId: 'admin-1', redirectUri: REDIRECT, ...target }, apps, store.db);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const params = await consent(url);
  return { params, done: () => completeOAuthConnect({ redirectUri: REDIRECT, params, actorId: 'admin-1' }, apps, { box }, store.db) };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error, String((error as { detail?: string })?.detail ?? error)).toBeInstanceOf(OAuthConnectError);
  return `${(error as OAuthConnectError).kind}${(error as OAuthConnectError).kind === "provider_error" ? ` (${(error as OAuthConnectError).detail})` : ""}`;
};

describe('connecting a mailbox with OAuth', () => {
  it('creates the mailbox with the provider’s servers and its tokens sealed, never in plain text, and refuses a replayed callback', async () => {
    sim.consent = { email: 'support@acme.example', decision: 'allow' };
    const { params, done } = await connect('google', { address: 'Support@Acme.example', displayName: 'Acme Support' });
    const result = await done();
    expect(result).toMatchObject({ created: true, provider: 'google' });
    const row = await store.db.mailbox.findUniqueOrThrow({ where: { id: result.mailboxId } });
    expect(row).toMatchObject({ address: 'support@acme.example', inboundChannel: 'imap', imapHost: 'imap.gmail.com', imapPort: 993, smtpHost: 'smtp.gmail.com', smtpPort: 465, oauthStatus: 'connected', imapPassword: null, imapSentFolder: null });
    expect(row.oauthRefreshToken).toMatch(/^v1:/);
    const access = box.open(row.oauthAccessToken ?? '', secretContext(row.id, 'oauthAccessToken'));
    const refresh = box.open(row.oauthRefreshToken ?? '', secretContext(row.id, 'oauthRefreshToken'));
    expect(await sim.isActive(access)).toBe(true);
    const audit = JSON.stringify(await store.db.auditLog.findMany({ where: { target: `mailbox:${row.id}` } }));
    expect(audit).toContain('mailbox.oauth_connect');
    expect(audit).not.toContain(access);
    expect(audit).not.toContain(refresh);
    expect(await store.db.mailboxOAuthRequest.count()).toBe(0);

    const replay = await refusal(completeOAuthConnect({ redirectUri: REDIRECT, params, actorId: 'admin-1' }, apps, { box }, store.db));
    expect(replay).toBe('expired');
  });

  it('refuses a denied consent, another account, a grant without mail access and a foreign tenant: a clear kind, and no mailbox', async () => {
    const before = await store.db.mailbox.count();
    sim.consent = { email: 'help@acme.example', decision: 'deny' };
    expect(await refusal((await connect('google', { address: 'help@acme.example', displayName: 'Help' })).done())).toBe('denied');

    sim.consent = { email: 'someone.else@gmail.example', decision: 'allow' };
    expect(await refusal((await connect('google', { address: 'help@acme.example', displayName: 'Help' })).done())).toBe('wrong_account');

    sim.consent = { email: 'help@acme.example', decision: 'allow', grantScopes: (asked) => asked.filter((scope) => scope !== 'https://mail.google.com/') };
    expect(await refusal((await connect('google', { address: 'help@acme.example', displayName: 'Help' })).done())).toBe('missing_scope');

    sim.consent = { email: 'help@acme.example', decision: 'allow', claims: { tid: '00000000-0000-0000-0000-000000000001' } };
    expect(await refusal((await connect('microsoft', { address: 'help@acme.example', displayName: 'Help' })).done())).toBe('wrong_tenant');

    sim.consent = { email: 'help@acme.example', decision: 'allow', grantScopes: (asked) => asked.filter((scope) => !scope.endsWith('SMTP.Send')), claims: { tid: TENANT } };
    expect(await refusal((await connect('microsoft', { address: 'help@acme.example', displayName: 'Help' })).done())).toBe('missing_scope');

    expect(await store.db.mailbox.count()).toBe(before);
    expect(await store.db.mailbox.findUnique({ where: { address: 'help@acme.example' } })).toBeNull();
    // The same account of the configured tenant with everything granted does connect.
    sim.consent = { email: 'help@acme.example', decision: 'allow', claims: { tid: TENANT } };
    expect((await (await connect('microsoft', { address: 'help@acme.example', displayName: 'Help' })).done()).created).toBe(true);
  });

  it('refreshes before expiry, and a revoked grant marks the mailbox for reconnecting until an admin reconnects it', async () => {
    const { mailboxId } = await store.db.mailbox.findUniqueOrThrow({ where: { address: 'support@acme.example' }, select: { id: true } }).then((row) => ({ mailboxId: row.id }));
    const tokens = createOAuthTokenSource({ db: store.db, apps, box });
    const stored = await tokens.accessToken(mailboxId);
    const refreshes = sim.counts.refreshes;
    expect(await tokens.accessToken(mailboxId)).toBe(stored); // an hour left: no refresh
    expect(sim.counts.refreshes).toBe(refreshes);

    // Four minutes left, inside the five-minute margin: refreshed before it lapses, once for two callers.
    await store.db.mailbox.update({ where: { id: mailboxId }, data: { oauthExpiresAt: new Date(Date.now() + 4 * 60_000) } });
    const [first, second] = await Promise.all([tokens.accessToken(mailboxId), tokens.accessToken(mailboxId)]);
    expect(first).toBe(second);
    expect(first).not.toBe(stored);
    expect(sim.counts.refreshes).toBe(refreshes + 1);
    expect(await sim.isActive(first)).toBe(true);
    const after = await store.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(after.oauthExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    sim.revokeAll('support@acme.example');
    expect(await sim.isActive(first)).toBe(false);
    const refused = await tokens.accessToken(mailboxId, { force: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(OAuthGrantError);
    const marked = await store.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(marked).toMatchObject({ oauthStatus: 'reconnect', oauthAccessToken: null });
    expect(marked.oauthError).toMatch(/Google no longer accepts .*invalid_grant.*Reconnect it/);
    // Asked again, it does not hammer the provider: the mark answers.
    const refusedRefreshes = sim.counts.refusedRefreshes;
    await expect(tokens.accessToken(mailboxId)).rejects.toThrow(/Reconnect it/);
    expect(sim.counts.refusedRefreshes).toBe(refusedRefreshes);

    sim.consent = { email: 'support@acme.example', decision: 'allow' };
    const reconnected = await (await connect('google', { mailboxId })).done();
    expect(reconnected).toEqual({ mailboxId, created: false, provider: 'google' });
    expect(await store.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).toMatchObject({ oauthStatus: 'connected', oauthError: null });
    expect(await sim.isActive(await tokens.accessToken(mailboxId))).toBe(true);
  });

  it('refuses to start for an address that is already a mailbox, or a provider without a client', async () => {
    await expect(startOAuthConnect({ provider: 'google', actorId: 'admin-1', redirectUri: REDIRECT, address: 'support@acme.example', displayName: 'x' }, apps, store.db)).rejects.toThrow(/already a mailbox/);
    await expect(startOAuthConnect({ provider: 'google', actorId: 'admin-1', redirectUri: REDIRECT, address: 'new@acme.example', displayName: 'x' }, createOAuthApps({}), store.db)).rejects.toThrow(/not set up/);
  });
});
