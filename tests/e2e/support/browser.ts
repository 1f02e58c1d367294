import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { readStoredSecrets } from '../../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../../devstack/stack-plan';
import type { RunningStack } from './running-stack';

/** Debian's Chromium, headless, with everything that would reach the network or a GPU off. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Credentials {
  email: string;
  password: string;
}

/** What `npm start` generated for this stack: the first admin's sign-in and the intake secret. */
export function stackSecrets(stack: RunningStack): { admin: Credentials; inboundSecret: string } {
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  return { admin: { email: DEFAULT_ADMIN_EMAIL, password: stored.ADMIN_PASSWORD }, inboundSecret: stored.INBOUND_SECRET };
}

/** A browser context signed in through the real sign-in form (resolved once the inbox loads). */
export async function signedInContext(browser: Browser, baseUrl: string, who: Credentials, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('input[name=email]', who.email);
  await page.fill('input[name=password]', who.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${baseUrl}/`);
  await page.close();
  return context;
}
