import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { DEMO_EMAILS, type DemoEmail } from '../../devstack/demo-emails';
import { readStoredSecrets } from '../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../devstack/stack-plan';
import { sendDemoEmail } from '../../devstack/send-demo-email';
import { createDb } from '../../lib/platform/db/client';
import { caughtMail } from './support/caught-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * A support day's lifecycle in a real browser against `npm start`: an agent's send undone in
 * its window (nothing reaches the mail catcher), a snooze the customer's reply wakes, and a bulk
 * close from the inbox keyboard.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORKFLOW_MS = 90_000;

let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

/** A demo email with a letters-only tag in its subject (a hex tag reads as an invented code). */
function email(key: string, tag = letters()): DemoEmail {
  const found = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!found) throw new Error(`no demo email ${key}`);
  return { ...found, subject: `${found.subject} [${tag}]` };
}
function letters(): string {
  return randomUUID().slice(0, 6).replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)] ?? 'q');
}

async function statusOf(conversationId: string): Promise<string | undefined> {
  const db = createDb(stack.databaseUrl);
  try {
    return (await db.conversation.findUnique({ where: { id: conversationId }, select: { status: true } }))?.status;
  } finally {
    await db.$disconnect();
  }
}

async function waitForStatus(conversationId: string, wanted: (status: string | undefined) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WORKFLOW_MS;
  for (;;) {
    const status = await statusOf(conversationId);
    if (wanted(status)) return;
    if (Date.now() > deadline) throw new Error(`${conversationId} never reached ${what}: ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Posts a customer email; resolves once its draft waits for a person. */
async function awaitingApproval(mail: DemoEmail, runId = randomUUID().slice(0, 8)): Promise<{ conversationId: string; messageId: string }> {
  const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: inboundSecret, runId });
  await waitForStatus(conversationId, (status) => status === 'awaiting_approval', 'awaiting approval');
  return { conversationId, messageId: `<demo-${runId}-0-${mail.key}@customers.example>` };
}

async function openConversation(conversationId: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
  await page.locator('#draft-editor').waitFor({ timeout: 30_000 });
  return page;
}

async function reject(conversationId: string): Promise<void> {
  const page = await openConversation(conversationId);
  await page.getByRole('button', { name: /Reject/ }).click();
  await page.getByLabel(/Why reject this draft/).fill('Billing will call the customer.');
  await page.getByRole('button', { name: 'Reject draft' }).click();
  await waitForStatus(conversationId, (status) => status === 'rejected', 'rejected');
  await page.close();
}

beforeAll(async () => {
  // JSON intake carries no DMARC result: vouch for the demo senders, so a reply joins its thread.
  stack = await startStack({ env: { VERIFIED_SENDER_ALLOW: '*' } });
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  inboundSecret = stored.INBOUND_SECRET;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  session = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await session.newPage();
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.fill('input[name=email]', DEFAULT_ADMIN_EMAIL);
  await page.fill('input[name=password]', stored.ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${stack.baseUrl}/`);
  await page.close();
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('lifecycle in the dashboard', () => {
  it('undoes an agent’s approval within its window: nothing reaches SMTP, the edited text comes back', async () => {
    const mail = email('chargeback');
    const { conversationId } = await awaitingApproval(mail);
    const page = await openConversation(conversationId);
    await page.locator('#draft-editor').fill('Our own words, kept after the undo.');
    await page.getByRole('button', { name: 'Approve edited & send' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();
    // The agent may have moved on to the next conversation: the Undo goes with them.
    await page.getByRole('button', { name: 'Undo' }).click({ timeout: 30_000 });
    await page.waitForURL(`**/conversations/${conversationId}`, { timeout: 30_000 });
    await page.getByText(/undid the send of v1/).waitFor({ timeout: 30_000 });
    await page.locator('#draft-editor').waitFor({ timeout: 30_000 });
    await expect(page.locator('#draft-editor').inputValue()).resolves.toBe('Our own words, kept after the undo.');
    // Past the default 10-second window: still nothing sent, still waiting for a decision.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    expect(await caughtMail(stack.mailUrl, mail.subject)).toHaveLength(0);
    expect(await statusOf(conversationId)).toBe('awaiting_approval');
    await page.close();
  });

  it('snoozes until the customer replies, and the reply wakes it', async () => {
    const mail = email('refund-lawyer');
    const { conversationId, messageId } = await awaitingApproval(mail);
    await reject(conversationId);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: 'Snooze until the customer replies' }).click();
    await waitForStatus(conversationId, (status) => status === 'snoozed', 'snoozed');
    await page.goto(`${stack.baseUrl}/?queue=snoozed`);
    await page.getByText(mail.subject).waitFor({ timeout: 30_000 });

    const response = await fetch(new URL('/api/inbound', stack.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${inboundSecret}` },
      body: JSON.stringify({
        from: mail.from,
        to: 'support@countersign.local',
        subject: `Re: ${mail.subject}`,
        text: 'Any news on my refund? I am still waiting.',
        messageId: `<reply-${randomUUID()}@customers.example>`,
        inReplyTo: messageId,
        date: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { conversationId: string }).conversationId).toBe(conversationId);
    await waitForStatus(conversationId, (status) => status === 'awaiting_approval', 'the reply drafted for review');
    await page.goto(`${stack.baseUrl}/?queue=snoozed`);
    await expect(page.getByText(mail.subject).count()).resolves.toBe(0);
    await page.close();
  });

  it('closes and tags a selection from the keyboard, and filters by the tag', async () => {
    const tag = letters();
    const first = await awaitingApproval(email('chargeback', tag));
    const second = await awaitingApproval(email('refund-lawyer', tag));
    await reject(first.conversationId);
    await reject(second.conversationId);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/?queue=rejected&q=${tag}`);
    await page.locator('[data-inbox-row]').nth(1).waitFor({ timeout: 30_000 });
    await page.locator('h1').click();
    for (const key of ['j', 'x', 'j', 'x']) await page.keyboard.press(key);
    await page.getByText('2 selected').waitFor();
    await page.keyboard.press('c');
    await waitForStatus(first.conversationId, (status) => status === 'closed', 'closed');
    await waitForStatus(second.conversationId, (status) => status === 'closed', 'closed');
    await page.goto(`${stack.baseUrl}/?queue=closed&q=${tag}`);
    await expect(page.locator('[data-inbox-row]').count()).resolves.toBe(2);

    // Tag the same two from the keyboard, then find them by the tag alone.
    await page.locator('h1').click();
    for (const key of ['j', 'x', 'j', 'x', 't']) await page.keyboard.press(key);
    await page.getByLabel('Tag the selection').fill('vip');
    await page.keyboard.press('Enter');
    // The rows show the tag once it is stored; leaving earlier would abandon the action.
    await expect.poll(() => page.getByText('#vip', { exact: true }).count(), { timeout: 30_000 }).toBe(2);
    await page.goto(`${stack.baseUrl}/?queue=all&tag=vip`);
    await page.locator('[data-inbox-row]').nth(1).waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-inbox-row]').count()).resolves.toBe(2);
    await page.close();
  });
});
