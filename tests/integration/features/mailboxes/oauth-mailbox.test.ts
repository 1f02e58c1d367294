import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../devstack/demo-emails';
import { completeOAuthConnect } from '../../../../lib/features/mailboxes/oauth/complete-oauth-connect';
import { createOAuthApps, type OAuthApps } from '../../../../lib/features/mailboxes/oauth/oauth-apps';
import { startOAuthConnect } from '../../../../lib/features/mailboxes/oauth/start-oauth-connect';
import { secretContext } from '../../../../lib/features/mailboxes/mailbox-secrets';
import { saveMailbox } from '../../../../lib/features/mailboxes/save-mailbox';
import { mailboxInputSchema } from '../../../../lib/features/mailboxes/schema';
import { createSecretBox } from '../../../../lib/platform/crypto/secret-box';
import { composeMime } from '../../../fixtures/mime';
import { startDovecot, type Dovecot } from '../../../support/dovecot';
import { startOAuthProvider, type OAuthProviderSim } from '../../../support/oauth-provider';
import { PROJECT_ROOT } from '../../../support/project-root';
import { startXOAuth2Smtp, type XOAuth2Smtp } from '../../../support/xoauth2-smtp';
import { startSystem, type System } from '../../support/system';
import type { WorkerProcess } from '../../support/worker-process';

/**
 * A Gmail-like mailbox end to end, with OAuth only: a local OAuth server issues the tokens, a
 * private Dovecot accepts XOAUTH2 and nothing else (its oauth2 passdb asks that server's
 * introspection endpoint), and the submission server does the same. The admin connects the
 * mailbox through the authorisation flow over HTTP; the real worker reads a customer's mail
 * and sends the reply; tokens lapse and are refreshed mid-session; a revoked grant is shown
 * on the mailbox and recovered by reconnecting, with the mail that arrived meanwhile answered.
 */
const KEY = randomBytes(32).toString('base64');
const box = createSecretBox(KEY);
const MAIL_SCOPE = 'https://mail.google.com/';
const REDIRECT = 'https://countersign.example/api/mailboxes/oauth/callback';
const support = { user: 'support@acme.test', password: 'never-used' };

let sim: OAuthProviderSim;
let dovecot: Dovecot;
let smtp: XOAuth2Smtp;
let system: System;
let worker: WorkerProcess;
let apps: OAuthApps;
let mailboxId = '';
const seenTokens = new Set<string>();

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nworker log:\n${worker?.output().slice(-3000)}\ndovecot log:\n${dovecot?.log().slice(-1500)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const demo = (key: string) => {
  const email = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!email) throw new Error(key);
  return email;
};
const customerMail = async (key: string) => {
  const email = demo(key);
  await dovecot.append(support, await composeMime({ from: email.from, to: support.user, subject: email.subject, text: email.text, messageId: `<${randomBytes(8).toString('hex')}@customer.test>` }));
  return email;
};
const mailbox = () => system.store.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
const storedAccessToken = async () => {
  const row = await mailbox();
  const token = row.oauthAccessToken ? box.open(row.oauthAccessToken, secretContext(mailboxId, 'oauthAccessToken')) : '';
  if (token) seenTokens.add(token);
  if (row.oauthRefreshToken) seenTokens.add(box.open(row.oauthRefreshToken, secretContext(mailboxId, 'oauthRefreshToken')));
  return token;
};

/** The admin's round trip: our authorisation URL, the provider's consent, the callback. */
async function connect(target: { address: string; displayName: string } | { mailboxId: string }) {
  const url = await startOAuthConnect({ provider: 'google', actorId: 'admin-1', redirectUri: REDIRECT, ...target }, apps, system.store.db);
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return completeOAuthConnect({ redirectUri: REDIRECT, params: location.searchParams, actorId: 'admin-1' }, apps, { box }, system.store.db);
}

beforeAll(async () => {
  sim = await startOAuthProvider({ redirectUri: REDIRECT });
  dovecot = await startDovecot([support], { oauth: { introspectionUrl: sim.introspectionUrl(MAIL_SCOPE), harnessToken: (user) => sim.harnessToken(user, MAIL_SCOPE) } });
  smtp = await startXOAuth2Smtp({ introspectionUrl: sim.introspectionUrl(MAIL_SCOPE) });
  system = await startSystem(
    { holdSeconds: 1, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] },
    {
      MAILBOX_SECRET_KEY: KEY,
      GOOGLE_OAUTH_CLIENT_ID: sim.client.id,
      GOOGLE_OAUTH_CLIENT_SECRET: sim.client.secret,
      GOOGLE_OAUTH_ISSUER: sim.issuer,
      IMAP_POLL_SECONDS: '300',
      SENDER_AUTH_ZONE_FILE: path.join(PROJECT_ROOT, 'tests/fixtures/dns/empty-zone.json'),
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'countersign-oauth-data-')),
    },
  );
  apps = createOAuthApps({ google: { clientId: sim.client.id, clientSecret: sim.client.secret, issuer: sim.issuer } });
  await system.store.db.user.create({ data: { id: 'admin-1', email: 'admin@acme.test', name: 'Admin', role: 'admin' } });
});
afterAll(async () => {
  await system?.stop();
  await Promise.allSettled([dovecot?.close(), smtp?.close(), sim?.stop()]);
});

describe('an OAuth mailbox against XOAUTH2-only servers', () => {
  it('connects through the authorisation flow, reads a customer’s mail with XOAUTH2 and sends the reply with XOAUTH2', async () => {
    sim.consent = { email: support.user, decision: 'allow' };
    const connected = await connect({ address: support.user, displayName: 'Acme Support' });
    mailboxId = connected.mailboxId;
    // The admin points the servers at this machine (Edit settings): the grant stays.
    await saveMailbox(
      mailboxInputSchema.parse({
        id: mailboxId,
        address: support.user,
        displayName: 'Acme Support',
        inboundChannel: 'imap',
        imapHost: '127.0.0.1',
        imapPort: dovecot.port,
        imapSecurity: 'none',
        imapUser: support.user,
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        smtpSecurity: 'none',
        smtpUser: support.user,
      }),
      { actorId: 'admin-1', source: 'ui', box },
      system.store.db,
    );
    expect(await mailbox()).toMatchObject({ oauthStatus: 'connected', oauthProvider: 'google', imapPassword: null });
    await storedAccessToken();

    worker = await system.startWorker();
    await until('the reader connected', async () => (await mailbox()).readerStatus === 'ok');
    expect(dovecot.log()).toMatch(/Login: user=<support@acme\.test>, method=XOAUTH2/);

    const email = await customerMail('password-reset');
    const reply = await smtp.waitFor((mail) => mail.envelopeTo.includes('maria.lopez@example.com'));
    expect(reply.user).toBe(support.user);
    expect(reply.envelopeFrom).toBe(support.user);
    expect(reply.parsed.subject).toContain(email.subject.slice(0, 20));
    expect(String(reply.parsed.from?.text)).toContain('Acme Support');
    expect(await dovecot.flags(support)).toEqual([{ uid: 1, seen: true }]);
  });

  it('refreshes the token before it lapses, and again when the server refuses a lapsed one mid-session', async () => {
    const first = await storedAccessToken();
    const refreshes = sim.counts.refreshes;
    // A minute left, inside the five-minute margin: the next use refreshes first.
    await system.store.db.mailbox.update({ where: { id: mailboxId }, data: { oauthExpiresAt: new Date(Date.now() + 60_000) } });
    await customerMail('invoice-download');
    await smtp.waitFor((mail) => mail.envelopeTo.includes('tom@beckerdesign.example'));
    expect(sim.counts.refreshes).toBeGreaterThan(refreshes);
    const second = await storedAccessToken();
    expect(second).not.toBe(first);
    expect((await mailbox()).oauthExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    // Now the provider lets every token lapse early while the store still trusts it; the IMAP
    // session drops. The reader's login is refused, it asks for a new token and reads on.
    sim.expireAccessTokens(support.user);
    expect(await sim.isActive(second)).toBe(false);
    const beforeDrop = sim.counts.refreshes;
    await dovecot.stop();
    await until('the dropped connection on the mailbox', async () => (await mailbox()).readerStatus === 'error', 30_000);
    await dovecot.start();
    await customerMail('shipping-status');
    await until('the reader back with a fresh token', async () => (await mailbox()).readerStatus === 'ok' && sim.counts.refreshes > beforeDrop, 60_000, 250);
    await smtp.waitFor((mail) => mail.envelopeTo.includes('aisha.khan@example.org'));
    expect(await sim.isActive(await storedAccessToken())).toBe(true);
    expect(dovecot.log()).toMatch(/auth failed/);
  });

  it('shows a revoked grant on the mailbox, keeps the mail waiting, and recovers when an admin reconnects', async () => {
    sim.revokeAll(support.user);
    await dovecot.stop();
    await until('the dropped connection', async () => (await mailbox()).readerStatus === 'error', 30_000);
    await dovecot.start();
    const revoked = await until('the mailbox marked for reconnecting', async () => {
      const row = await mailbox();
      return row.oauthStatus === 'reconnect' && row;
    }, 60_000, 250);
    expect(revoked.oauthError).toMatch(/Google no longer accepts this mailbox's sign-in .*invalid_grant.*Reconnect it in Admin → Mailboxes/);
    expect(revoked.lastError).toMatch(/Reconnect/);
    expect(revoked.oauthAccessToken).toBeNull();

    // Mail that arrives meanwhile waits on the server.
    await customerMail('feature-idea');
    sim.consent = { email: support.user, decision: 'allow' };
    expect(await connect({ mailboxId })).toEqual({ mailboxId, created: false, provider: 'google' });
    expect(await mailbox()).toMatchObject({ oauthStatus: 'connected', oauthError: null });
    await storedAccessToken();
    await smtp.waitFor((mail) => mail.envelopeTo.includes('jonas@nordlys.example'));
    await until('the reader reading again', async () => (await mailbox()).readerStatus === 'ok');
    expect((await dovecot.flags(support)).every((flag) => flag.seen)).toBe(true);

    // Not one token in the worker's log or on the mailbox's error fields.
    const log = worker.output();
    for (const token of seenTokens) {
      expect(log).not.toContain(token);
      expect(JSON.stringify(await mailbox())).not.toContain(token);
    }
    expect(seenTokens.size).toBeGreaterThanOrEqual(4);
  });
});
