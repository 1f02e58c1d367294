import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../lib/platform/db/client';
import { startOAuthProvider, type OAuthProviderSim } from '../support/oauth-provider';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * Admin → Mailboxes in a real browser against `npm start`, with Google pointed at a local OAuth
 * server: a declined consent and another account each leave a clear message and no mailbox;
 * "Connect with Google" as the mailbox creates it; a grant revoked at the provider shows on the
 * mailbox with "Reconnect", which restores it. (Reading and answering over XOAUTH2 is
 * tests/integration/features/mailboxes/oauth-mailbox.test.ts, against Dovecot.)
 */
const ADDRESS = 'support@acme.test';

let sim: OAuthProviderSim;
let stack: RunningStack;
let browser: Browser;
let admin: BrowserContext;
let db: Db;

async function mailboxesPage(): Promise<Page> {
  const page = await admin.newPage();
  await page.goto(`${stack.baseUrl}/admin/mailboxes`);
  return page;
}

async function connect(page: Page): Promise<void> {
  const form = page.locator('form[aria-label="Connect a mailbox with OAuth"]');
  await form.locator('input[name=address]').fill(ADDRESS);
  await form.locator('input[name=displayName]').fill('Acme Support');
  await form.getByRole('button', { name: 'Connect with Google' }).click();
}

beforeAll(async () => {
  sim = await startOAuthProvider({ redirectUri: (uri) => new URL(uri).pathname === '/api/mailboxes/oauth/callback' });
  stack = await startStack({ env: { GOOGLE_OAUTH_CLIENT_ID: sim.client.id, GOOGLE_OAUTH_CLIENT_SECRET: sim.client.secret, GOOGLE_OAUTH_ISSUER: sim.issuer } });
  db = createDb(stack.databaseUrl);
  browser = await launchChromium();
  admin = await signedInContext(browser, stack.baseUrl, stackSecrets(stack).admin);
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await stack?.stop();
  await sim?.stop();
});

describe('Connect with Google', () => {
  it('a declined consent and another account are refused with a message, and leave no mailbox', async () => {
    const page = await mailboxesPage();
    sim.consent = { email: ADDRESS, decision: 'deny' };
    await connect(page);
    await page.waitForURL(/\/admin\/mailboxes\?oauth=denied/);
    await page.getByRole('alert').filter({ hasText: 'Access was not granted' }).waitFor();

    sim.consent = { email: 'someone@gmail.example', decision: 'allow' };
    await connect(page);
    await page.waitForURL(/\/admin\/mailboxes\?oauth=wrong_account/);
    await page.getByRole('alert').filter({ hasText: 'not the mailbox address' }).waitFor();
    expect(await db.mailbox.count({ where: { address: ADDRESS } })).toBe(0);
    await page.close();
  });

  it('connects the mailbox, shows a revoked grant with Reconnect, and reconnecting restores it', async () => {
    const page = await mailboxesPage();
    sim.consent = { email: ADDRESS, decision: 'allow' };
    await connect(page);
    await page.waitForURL(/\/admin\/mailboxes\?oauth=connected/);
    const item = page.getByRole('listitem', { name: ADDRESS });
    await item.getByText('Google sign-in').waitFor();
    const row = await db.mailbox.findUniqueOrThrow({ where: { address: ADDRESS } });
    expect(row).toMatchObject({ oauthStatus: 'connected', imapHost: 'imap.gmail.com', imapPassword: null });

    // The user removes the app at Google; the worker's next token refresh is refused.
    sim.revokeAll(ADDRESS);
    await db.mailbox.update({ where: { id: row.id }, data: { oauthExpiresAt: new Date(Date.now() - 1000) } });
    const deadline = Date.now() + 120_000;
    while ((await db.mailbox.findUniqueOrThrow({ where: { id: row.id } })).oauthStatus !== 'reconnect') {
      if (Date.now() > deadline) throw new Error(`the worker never marked the revoked grant\n${stack.output().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await page.goto(`${stack.baseUrl}/admin/mailboxes`);
    await item.getByText('Needs reconnecting').waitFor();
    await item.getByRole('alert').filter({ hasText: 'Google no longer accepts this mailbox' }).waitFor();

    await item.getByRole('button', { name: 'Reconnect Google' }).click();
    await page.waitForURL(/\/admin\/mailboxes\?oauth=connected/);
    await expect(page.getByRole('listitem', { name: ADDRESS }).getByText('Needs reconnecting').count()).resolves.toBe(0);
    expect(await db.mailbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ oauthStatus: 'connected', oauthError: null });
    await page.close();
  });
});
