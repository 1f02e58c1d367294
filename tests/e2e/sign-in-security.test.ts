import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredSecrets } from '../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../devstack/stack-plan';
import { startOAuthProvider, type OAuthProviderSim } from '../support/oauth-provider';
import { launchChromium } from './support/browser';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * Team sign-in in a real browser against `npm start`: single sign-on through a local OpenID
 * Connect server (a new person gets the role an admin mapped to their domain; a foreign domain
 * is refused), then two-factor: enrolment on the Security page, a sign-in that asks for the
 * app's code, and a lost device replaced by a recovery code.
 */

let sim: OAuthProviderSim;
let stack: RunningStack;
let browser: Browser;
let adminPassword = '';

async function signInWithPassword(context: BrowserContext, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.fill('input[name=email]', DEFAULT_ADMIN_EMAIL);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  return page;
}

beforeAll(async () => {
  sim = await startOAuthProvider({ redirectUri: (uri) => new URL(uri).pathname === '/api/auth/callback/sso' && ['localhost', '127.0.0.1'].includes(new URL(uri).hostname) });
  stack = await startStack({ env: { SSO_ISSUER: sim.issuer, SSO_CLIENT_ID: sim.client.id, SSO_CLIENT_SECRET: sim.client.secret, SSO_LABEL: 'Acme ID' } });
  adminPassword = readStoredSecrets(stack.dataDir).ADMIN_PASSWORD ?? '';
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await sim?.stop();
});

describe('team sign-in', () => {
  it('an admin maps a domain to a role; a new person from it signs in through SSO with that role, a foreign domain is refused', async () => {
    const admin = await browser.newContext();
    const page = await signInWithPassword(admin, adminPassword);
    await page.waitForURL(`${stack.baseUrl}/`);
    await page.goto(`${stack.baseUrl}/admin/users`);
    await page.fill('form[aria-label="Single sign-on domains"] textarea[name=domains]', 'acme.test manager');
    await page.click('form[aria-label="Single sign-on domains"] button[type=submit]');
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await admin.close();

    const person = await browser.newContext();
    const tab = await person.newPage();
    sim.consent = { email: 'ines@acme.test', decision: 'allow' };
    await tab.goto(`${stack.baseUrl}/sign-in`);
    await tab.getByRole('button', { name: 'Sign in with Acme ID' }).click();
    await tab.waitForURL(`${stack.baseUrl}/`);
    // A manager sees the manager's places, not the admin's.
    await expect(tab.getByRole('link', { name: 'Overview' }).isVisible()).resolves.toBe(true);
    await expect(tab.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
    await person.close();

    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    sim.consent = { email: 'mallory@evil.test', decision: 'allow' };
    await other.goto(`${stack.baseUrl}/sign-in`);
    await other.getByRole('button', { name: 'Sign in with Acme ID' }).click();
    await other.waitForURL(/\/sign-in\?error=SSO_DOMAIN_NOT_ALLOWED/);
    await other.getByRole('alert').filter({ hasText: 'Accounts of your email domain may not sign in here' }).waitFor();
    await other.goto(`${stack.baseUrl}/`);
    await other.waitForURL(/\/sign-in/);
    await stranger.close();
  });

  it('enrols an authenticator app, then signs in with its code, and with a recovery code after losing it', async () => {
    const context = await browser.newContext();
    const page = await signInWithPassword(context, adminPassword);
    await page.waitForURL(`${stack.baseUrl}/`);
    await page.goto(`${stack.baseUrl}/account/security`);
    await page.fill('form[aria-label="Set up two-factor"] input[name=password]', adminPassword);
    await page.click('form[aria-label="Set up two-factor"] button[type=submit]');
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    const recovery = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(recovery).toHaveLength(10);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.fill('form[aria-label="Confirm two-factor"] input[name=code]', totp.generate());
    await page.click('form[aria-label="Confirm two-factor"] button[type=submit]');
    await page.getByRole('status').filter({ hasText: 'Two-factor sign-in is on.' }).waitFor();
    await context.close();

    const again = await browser.newContext();
    const second = await signInWithPassword(again, adminPassword);
    await second.locator('input[name=code]').waitFor();
    expect(second.url()).toContain('/sign-in');
    await second.fill('input[name=code]', '000000');
    await second.click('button[type=submit]');
    await second.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    expect(second.url()).toContain('/sign-in');
    await second.fill('input[name=code]', totp.generate({ timestamp: Date.now() + 30_000 }));
    await second.click('button[type=submit]');
    await second.waitForURL(`${stack.baseUrl}/`);
    await again.close();

    const lost = await browser.newContext();
    const third = await signInWithPassword(lost, adminPassword);
    await third.locator('input[name=code]').waitFor();
    await third.fill('input[name=code]', recovery[0]!);
    await third.click('button[type=submit]');
    await third.waitForURL(`${stack.baseUrl}/`);
    await lost.close();
  });
});
