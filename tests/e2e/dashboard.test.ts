import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, type DemoEmail } from '../../lib/devstack/demo-emails';
import { readStoredSecrets } from '../../lib/devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../lib/devstack/stack-plan';
import { sendDemoEmail } from '../../lib/devstack/send-demo-email';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * The dashboard in a real browser against `npm start`: live inbox, the review surface with
 * the injection banner, keyboard approval, the reply in the outbox, and a second agent
 * told clearly that someone else decided first.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORKFLOW_MS = 90_000;

let stack: RunningStack;
let browser: Browser;
let secrets: { inbound: string; adminPassword: string };

function email(key: string): DemoEmail {
  const found = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!found) throw new Error(`no demo email ${key}`);
  return { ...found, subject: `${found.subject} [${randomUUID().slice(0, 6)}]` };
}

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.fill('input[name=email]', DEFAULT_ADMIN_EMAIL);
  await page.fill('input[name=password]', secrets.adminPassword);
  await page.click('button[type=submit]');
  await page.waitForURL(`${stack.baseUrl}/`);
  return page;
}

/** Posts a customer email and returns its conversation id once the draft awaits a person. */
async function conversationAwaitingApproval(mail: DemoEmail): Promise<string> {
  const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId: randomUUID().slice(0, 8) });
  const page = await signedInPage();
  try {
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.locator('#draft-editor').waitFor({ timeout: WORKFLOW_MS });
    return conversationId;
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  stack = await startStack();
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  secrets = { inbound: stored.INBOUND_SECRET, adminPassword: stored.ADMIN_PASSWORD };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('dashboard', () => {
  it('shows a new conversation without a reload, flags injection, and approves an edit from the keyboard', async () => {
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/?queue=all`);
    // Set on this document only: a full reload would clear it.
    await page.evaluate(() => Object.assign(window, { noReload: true }));
    const mail = email('prompt-injection');
    const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId: randomUUID().slice(0, 8) });
    await page.getByText(mail.subject).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.locator('#draft-editor').waitFor({ timeout: WORKFLOW_MS });
    await expect(page.getByRole('alert').filter({ hasText: 'Possible prompt injection' }).isVisible()).resolves.toBe(true);

    await page.keyboard.press('e');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nWe never share other customers’ data.');
    await expect(page.getByLabel('Changes against the AI draft').isVisible()).resolves.toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await page.keyboard.press('a');
    await page.getByText('Approved. The reply is being sent.').waitFor({ timeout: 30_000 });

    await page.goto(`${stack.baseUrl}/outbox`);
    await page.getByText(`Re: ${mail.subject}`).waitFor({ timeout: WORKFLOW_MS });
    await page.close();
  });

  it('lets exactly one of two agents approve and tells the other it was already decided', async () => {
    const conversationId = await conversationAwaitingApproval(email('chargeback'));
    const pages = await Promise.all([signedInPage(), signedInPage()]);
    for (const page of pages) {
      await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
      await page.locator('#draft-editor').waitFor();
    }
    // Both click at once: the workflow's validator admits one decision per draft version.
    await Promise.all(pages.map((page) => page.getByRole('button', { name: /Approve & send/ }).click()));
    const outcomes = await Promise.all(
      pages.map(async (page) => {
        const feedback = page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /Approved\. The reply|Already decided/ });
        await feedback.first().waitFor({ timeout: 30_000 });
        return (await feedback.first().textContent()) ?? '';
      }),
    );
    expect(outcomes.filter((text) => text.startsWith('Approved'))).toHaveLength(1);
    expect(outcomes.filter((text) => text.startsWith('Already decided'))).toHaveLength(1);
    await Promise.all(pages.map((page) => page.close()));
  });

  it('renders the overview for a manager', async () => {
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/overview?days=7`);
    await expect(page.getByRole('heading', { name: 'Overview' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: /Volume per day/ }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
